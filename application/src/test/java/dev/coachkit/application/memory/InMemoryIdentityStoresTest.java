package dev.coachkit.application.memory;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.IdentityStoresContract;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The identity stores contract against the in-memory adapters, wired as {@code withInMemoryAdapters()} does. */
class InMemoryIdentityStoresTest extends IdentityStoresContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    private final InMemoryTenants tenants = new InMemoryTenants(unitOfWork);
    private final InMemoryMemberships memberships = new InMemoryMemberships(unitOfWork, accounts, tenants);
    private final InMemoryInvitations invitations = new InMemoryInvitations(unitOfWork);
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(unitOfWork);
    private final InMemoryAccountTokens accountTokens = new InMemoryAccountTokens(unitOfWork);

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected AccountRepository accounts() {
        return accounts;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }

    @Override
    protected MembershipRepository memberships() {
        return memberships;
    }

    @Override
    protected InvitationRepository invitations() {
        return invitations;
    }

    @Override
    protected RefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    @Override
    protected AuditLog auditLog() {
        return auditLog;
    }

    @Override
    protected AccountTokenRepository accountTokens() {
        return accountTokens;
    }
}
