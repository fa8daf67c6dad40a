package dev.coachkit.application.community;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.community.port.in.CreateSpaceUseCase;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.community.SpaceStanding;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Creates the space with its creator as the first member and owner, in one unit of work. */
final class CreateSpaceService implements CreateSpaceUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    CreateSpaceService(UnitOfWork unitOfWork, SpaceRepository spaces, SpaceMemberRepository members,
            AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.spaces = spaces;
        this.members = members;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public SpaceOverview create(Command command) {
        SpaceStanding.requireMayCreateSpace(command.actor());
        Instant now = clock.now();
        Space space = Space.create(ids.newId(), command.actor().tenantId(), command.name(), command.description(),
                command.isPrivate(), command.actor().accountId(), now);
        return unitOfWork.inTenant(space.tenantId(), () -> {
            spaces.add(space);
            members.add(new SpaceMember(space.tenantId(), space.id(), space.ownerId(), SpaceRole.OWNER, now));
            audit.record(space.tenantId(), "space.created", Optional.of(space.ownerId()), "space", space.id(),
                    command.clientIp(), Map.of("name", space.name(), "isPrivate", space.isPrivate()));
            return new SpaceOverview(space, 1);
        });
    }
}
