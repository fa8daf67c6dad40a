package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.GetSpaceUseCase;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.PageRequest;

/** Reads a space and its first members in one unit of work. */
final class GetSpaceService implements GetSpaceUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final SpaceMemberRepository members;

    GetSpaceService(UnitOfWork unitOfWork, SpaceAccess access, SpaceMemberRepository members) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.members = members;
    }

    @Override
    public SpaceDetails space(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> {
            SpaceAccess.InSpace space = access.space(query.actor(), query.spaceId());
            return new SpaceDetails(CommunityResults.space(space.summary()),
                    members.list(query.spaceId(), PageRequest.first(MEMBERS_SHOWN)));
        });
    }
}
