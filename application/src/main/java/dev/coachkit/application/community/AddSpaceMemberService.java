package dev.coachkit.application.community;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.community.port.in.AddSpaceMemberUseCase;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;

/** Adds a member of the tenant to a space; records {@code space.member_added} and an audit entry. */
final class AddSpaceMemberService implements AddSpaceMemberUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final SpaceMemberRepository members;
    private final MembershipRepository memberships;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final Clock clock;

    AddSpaceMemberService(UnitOfWork unitOfWork, SpaceAccess access, SpaceMemberRepository members,
            MembershipRepository memberships, EventRecorder events, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.members = members;
        this.memberships = memberships;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SpaceMember add(Command command) {
        TenantId tenant = command.actor().tenantId();
        return unitOfWork.inTenant(tenant, () -> {
            access.space(command.actor(), command.spaceId()).standing().requireMayManage();
            if (memberships.find(tenant, command.account()).isEmpty()) {
                throw new BusinessRuleException("only members of the organization can join its spaces");
            }
            SpaceMember member = new SpaceMember(tenant, command.spaceId(), command.account(),
                    command.role().orElse(SpaceRole.MEMBER), clock.now());
            members.add(member);
            String account = member.accountId().toString();
            events.record(member.addedBy(command.actor().accountId()));
            audit.record(tenant, "space.member_added", Optional.of(command.actor().accountId()), "space",
                    member.spaceId(), command.clientIp(), Map.of("accountId", account, "role", member.role().name()));
            return member;
        });
    }
}
