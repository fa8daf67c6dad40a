package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.GetCurrentUserUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;

/** The caller's account and current tenant, and every tenant the account belongs to. */
public final class GetCurrentUserService implements GetCurrentUserUseCase {

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;

    GetCurrentUserService(UnitOfWork unitOfWork, AccountRepository accounts, TenantRepository tenants,
            MembershipRepository memberships) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.tenants = tenants;
        this.memberships = memberships;
    }

    @Override
    public CurrentUser currentUser(Actor actor) {
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            Account account = accounts.findById(actor.accountId())
                    .orElseThrow(() -> new NotFoundException("account", actor.accountId()));
            Tenant tenant = tenants.find(actor.tenantId())
                    .orElseThrow(() -> new NotFoundException("tenant", actor.tenantId()));
            var all = memberships.ofAccount(actor.accountId()).stream()
                    .map(m -> new TenantRole(new AuthResult.TenantRef(m.tenantId(), m.tenantName()), m.role()))
                    .toList();
            return new CurrentUser(AuthResult.User.of(account), new AuthResult.TenantRef(tenant.id(), tenant.name()),
                    actor.role(), all);
        });
    }
}
