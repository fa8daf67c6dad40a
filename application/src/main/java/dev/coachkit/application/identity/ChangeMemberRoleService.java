package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.ChangeMemberRoleUseCase;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.IdentityPolicy;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Role;
import java.util.Map;
import java.util.Optional;

/**
 * Changes a member's role and audits it as {@code member.role_changed}. The new role takes effect
 * at the member's next request, whatever role its access token names ({@link AuthenticateService}).
 */
public final class ChangeMemberRoleService implements ChangeMemberRoleUseCase {

    private final UnitOfWork unitOfWork;
    private final MembershipRepository memberships;
    private final AuditTrail audit;

    ChangeMemberRoleService(UnitOfWork unitOfWork, MembershipRepository memberships, AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.memberships = memberships;
        this.audit = audit;
    }

    @Override
    public Membership changeRole(Command command) {
        if (!IdentityPolicy.mayView(command.actor(), command.tenantId())) {
            throw new NotFoundException("tenant", command.tenantId());
        }
        IdentityPolicy.requireMayChangeRoles(command.actor());
        if (command.role() == null) {
            throw new InvalidInputException("role", "must be one of ADMIN, COACH, ATHLETE, SCHEDULER");
        }
        return unitOfWork.inTenant(command.tenantId(), () -> {
            memberships.lockRoles(command.tenantId());
            Membership current = memberships.find(command.tenantId(), command.memberId())
                    .orElseThrow(() -> new NotFoundException("member", command.memberId()));
            if (current.role() == Role.ADMIN && command.role() != Role.ADMIN
                    && memberships.countWithRole(command.tenantId(), Role.ADMIN) <= 1) {
                throw new ConflictException("the last ADMIN of a tenant cannot be given another role");
            }
            memberships.changeRole(command.tenantId(), command.memberId(), command.role());
            audit.record(command.tenantId(), "member.role_changed", Optional.of(command.actor().accountId()),
                    "account", command.memberId(), command.clientIp(),
                    Map.of("from", current.role().name(), "to", command.role().name()));
            return new Membership(current.tenantId(), current.accountId(), command.role(), current.joinedAt());
        });
    }
}
