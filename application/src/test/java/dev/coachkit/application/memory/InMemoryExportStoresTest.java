package dev.coachkit.application.memory;

import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.ExportStoresContract;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The export stores contract on the in-memory adapters. */
class InMemoryExportStoresTest extends ExportStoresContract {

    private static final InMemoryUnitOfWork UNIT_OF_WORK = new InMemoryUnitOfWork();
    private static final InMemoryAccounts ACCOUNTS = new InMemoryAccounts(UNIT_OF_WORK);
    private static final InMemoryTenants TENANTS = new InMemoryTenants(UNIT_OF_WORK);
    private static final InMemoryMemberships MEMBERSHIPS = new InMemoryMemberships(UNIT_OF_WORK, ACCOUNTS, TENANTS);
    private static final InMemorySpaceMembers SPACE_MEMBERS = new InMemorySpaceMembers(UNIT_OF_WORK);
    private static final InMemorySpaces SPACES = new InMemorySpaces(UNIT_OF_WORK, SPACE_MEMBERS);
    private static final InMemoryPosts POSTS = new InMemoryPosts(UNIT_OF_WORK, SPACES);
    private static final InMemorySessions SESSIONS = new InMemorySessions(UNIT_OF_WORK);
    private static final InMemoryAvailabilities AVAILABILITIES = new InMemoryAvailabilities(UNIT_OF_WORK);
    private static final InMemoryNotifications NOTIFICATIONS = new InMemoryNotifications(UNIT_OF_WORK);
    private static final InMemoryMedia MEDIA = new InMemoryMedia(UNIT_OF_WORK);
    private static final InMemoryDataExports EXPORTS = new InMemoryDataExports(UNIT_OF_WORK);
    private static final InMemoryRefreshTokens REFRESH_TOKENS = new InMemoryRefreshTokens();
    private static final InMemoryProducts PRODUCTS = new InMemoryProducts(UNIT_OF_WORK);
    private static final InMemoryOrders ORDERS = new InMemoryOrders(UNIT_OF_WORK);
    private static final InMemoryCreditLedger CREDIT_LEDGER = new InMemoryCreditLedger(UNIT_OF_WORK);
    private static final InMemoryAnnotations ANNOTATIONS = new InMemoryAnnotations(UNIT_OF_WORK, MEDIA);
    private static final InMemoryTenantData TENANT_DATA = new InMemoryTenantData(new InMemoryTenantData.Stores(
            ACCOUNTS, MEMBERSHIPS, SPACES, SPACE_MEMBERS, POSTS, SESSIONS, AVAILABILITIES, NOTIFICATIONS, MEDIA,
            REFRESH_TOKENS, ORDERS, CREDIT_LEDGER, ANNOTATIONS));

    @Override
    protected UnitOfWork unitOfWork() {
        return UNIT_OF_WORK;
    }

    @Override
    protected DataExportRepository exports() {
        return EXPORTS;
    }

    @Override
    protected TenantDataSource tenantData() {
        return TENANT_DATA;
    }

    @Override
    protected Seeding seeding() {
        return new Seeding(ACCOUNTS, TENANTS, MEMBERSHIPS, SPACES, SPACE_MEMBERS, POSTS, new InMemoryComments(POSTS),
                SESSIONS, AVAILABILITIES, NOTIFICATIONS, MEDIA, REFRESH_TOKENS, PRODUCTS, ORDERS, CREDIT_LEDGER,
                ANNOTATIONS);
    }
}
