package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.MediaRepositoryContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The media repository contract on the in-memory adapters. */
class InMemoryMediaStoresTest extends MediaRepositoryContract {

    private static final InMemoryUnitOfWork UNIT_OF_WORK = new InMemoryUnitOfWork();
    private static final InMemoryAccounts ACCOUNTS = new InMemoryAccounts(UNIT_OF_WORK);
    private static final InMemoryTenants TENANTS = new InMemoryTenants(UNIT_OF_WORK);
    private static final InMemoryMedia MEDIA = new InMemoryMedia(UNIT_OF_WORK);

    @Override
    protected UnitOfWork unitOfWork() {
        return UNIT_OF_WORK;
    }

    @Override
    protected MediaRepository media() {
        return MEDIA;
    }

    @Override
    protected TenantRepository tenants() {
        return TENANTS;
    }

    @Override
    protected AccountRepository accounts() {
        return ACCOUNTS;
    }
}
