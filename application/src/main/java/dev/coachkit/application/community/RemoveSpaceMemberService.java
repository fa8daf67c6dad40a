package dev.coachkit.application.community;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.community.port.in.RemoveSpaceMemberUseCase;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;

/** Removes someone from a space; records {@code space.member_removed} and an audit entry. */
final class RemoveSpaceMemberService implements RemoveSpaceMemberUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final SpaceMemberRepository members;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final Clock clock;

    RemoveSpaceMemberService(UnitOfWork unitOfWork, SpaceAccess access, SpaceMemberRepository members,
            EventRecorder events, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.members = members;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void remove(Command command) {
        TenantId tenant = command.actor().tenantId();
        unitOfWork.runInTenant(tenant, () -> {
            Space space = access.space(command.actor(), command.spaceId()).standing().requireMayManage().space();
            if (space.ownerId().equals(command.account())) {
                throw new BusinessRuleException("the space's creator cannot be removed from it");
            }
            if (!members.remove(space.id(), command.account())) {
                throw new NotFoundException("space member", command.account());
            }
            events.record(space.memberRemoved(command.account(), command.actor().accountId(), clock.now()));
            audit.record(tenant, "space.member_removed", Optional.of(command.actor().accountId()), "space",
                    space.id(), command.clientIp(), Map.of("accountId", command.account().toString()));
        });
    }
}
