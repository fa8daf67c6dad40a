package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.UpdateSpaceUseCase;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.community.port.out.SpaceRepository.SpaceSummary;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Space;

/** Applies an owner's or ADMIN's edit to a space. */
final class UpdateSpaceService implements UpdateSpaceUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final SpaceRepository spaces;
    private final Clock clock;

    UpdateSpaceService(UnitOfWork unitOfWork, SpaceAccess access, SpaceRepository spaces, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.spaces = spaces;
        this.clock = clock;
    }

    @Override
    public SpaceSummary update(Command command) {
        return unitOfWork.inTenant(command.actor().tenantId(), () -> {
            SpaceAccess.InSpace current = access.space(command.actor(), command.spaceId());
            current.standing().requireMayManage();
            Space edited = current.summary().space().edit(command.changes(), clock.now());
            spaces.update(edited);
            return new SpaceSummary(edited, current.summary().memberCount());
        });
    }
}
