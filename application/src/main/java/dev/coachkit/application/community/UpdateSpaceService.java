package dev.coachkit.application.community;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.community.port.in.UpdateSpaceUseCase;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Space;
import java.util.Map;
import java.util.Optional;

/** Applies an owner's or ADMIN's edit to a space. */
final class UpdateSpaceService implements UpdateSpaceUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final SpaceRepository spaces;
    private final AuditTrail audit;
    private final Clock clock;

    UpdateSpaceService(UnitOfWork unitOfWork, SpaceAccess access, SpaceRepository spaces, AuditTrail audit,
            Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.spaces = spaces;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SpaceOverview update(Command command) {
        return unitOfWork.inTenant(command.actor().tenantId(), () -> {
            SpaceAccess.InSpace current = access.space(command.actor(), command.spaceId());
            current.standing().requireMayManage();
            Space edited = current.summary().space().edit(command.changes(), clock.now());
            spaces.update(edited);
            audit.record(edited.tenantId(), "space.updated", Optional.of(command.actor().accountId()), "space",
                    edited.id(), command.clientIp(), Map.of("name", edited.name(), "isPrivate", edited.isPrivate()));
            return new SpaceOverview(edited, current.summary().memberCount());
        });
    }
}
