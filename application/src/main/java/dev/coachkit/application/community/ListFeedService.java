package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.ListFeedUseCase;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.PostRepository.FeedQuery;
import dev.coachkit.application.community.port.in.PostOverview;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.Page;

/** The caller's feed; asking for one space they may not read is a 404 like any hidden space. */
final class ListFeedService implements ListFeedUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;

    ListFeedService(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.posts = posts;
    }

    @Override
    public Page<PostOverview> feed(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> {
            query.spaceId().ifPresent(spaceId -> access.space(query.actor(), spaceId));
            return posts.feed(new FeedQuery(query.actor().accountId(), query.actor().isAdmin(), query.spaceId(),
                    query.page())).map(CommunityResults::post);
        });
    }
}
