package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.ListSpaceMembersUseCase;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.shared.Page;

/** Pages through the members of a readable space. */
final class ListSpaceMembersService implements ListSpaceMembersUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final SpaceMemberRepository members;

    ListSpaceMembersService(UnitOfWork unitOfWork, SpaceAccess access, SpaceMemberRepository members) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.members = members;
    }

    @Override
    public Page<SpaceMember> members(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> {
            access.space(query.actor(), query.spaceId());
            return members.list(query.spaceId(), query.page());
        });
    }
}
