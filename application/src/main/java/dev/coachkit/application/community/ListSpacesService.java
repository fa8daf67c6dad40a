package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.ListSpacesUseCase;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.community.port.in.SpaceOverview;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.Page;

/** Lists the caller's spaces; ADMIN sees every space of the tenant. */
final class ListSpacesService implements ListSpacesUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceRepository spaces;

    ListSpacesService(UnitOfWork unitOfWork, SpaceRepository spaces) {
        this.unitOfWork = unitOfWork;
        this.spaces = spaces;
    }

    @Override
    public Page<SpaceOverview> spaces(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(),
                () -> spaces.list(query.actor().accountId(), query.actor().isAdmin(), query.page()))
                .map(CommunityResults::space);
    }
}
