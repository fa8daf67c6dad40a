package dev.coachkit.application.admin;

import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.AdminPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;

/**
 * ADMIN as the organization's memberships say now, not only as the access token said when it was
 * issued: a demoted or erased ADMIN loses the administration endpoints at once, not when the token expires.
 */
public final class CurrentAdmin {

    private final UnitOfWork unitOfWork;
    private final MembershipRepository memberships;

    public CurrentAdmin(UnitOfWork unitOfWork, MembershipRepository memberships) {
        this.unitOfWork = unitOfWork;
        this.memberships = memberships;
    }

    /** Joins the caller's running unit of work, if any. */
    public void require(Actor actor) {
        AdminPolicy.requireAdmin(actor);
        boolean stillAdmin = unitOfWork.inTenant(actor.tenantId(),
                () -> memberships.find(actor.tenantId(), actor.accountId()))
                .filter(membership -> membership.role() == Role.ADMIN).isPresent();
        if (!stillAdmin) {
            throw new PermissionDeniedException("only ADMIN members administer the organization");
        }
    }
}
