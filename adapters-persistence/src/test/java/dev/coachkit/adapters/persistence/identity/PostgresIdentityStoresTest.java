package dev.coachkit.adapters.persistence.identity;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.IdentityStoresContract;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

class PostgresIdentityStoresTest extends IdentityStoresContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected AccountRepository accounts() {
        return TestPersistence.shared().accounts();
    }

    @Override
    protected TenantRepository tenants() {
        return TestPersistence.shared().tenants();
    }

    @Override
    protected MembershipRepository memberships() {
        return TestPersistence.shared().memberships();
    }

    @Override
    protected InvitationRepository invitations() {
        return TestPersistence.shared().invitations();
    }

    @Override
    protected RefreshTokenStore refreshTokens() {
        return TestPersistence.shared().refreshTokens();
    }

    @Override
    protected AuditLog auditLog() {
        return TestPersistence.shared().auditLog();
    }

    @Override
    protected AccountTokenRepository accountTokens() {
        return TestPersistence.shared().accountTokens();
    }
}
