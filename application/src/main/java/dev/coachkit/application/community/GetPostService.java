package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.GetPostUseCase;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.PageRequest;

/** Reads a post and its first comments in one unit of work. */
final class GetPostService implements GetPostUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final CommentRepository comments;

    GetPostService(UnitOfWork unitOfWork, SpaceAccess access, CommentRepository comments) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.comments = comments;
    }

    @Override
    public PostDetails post(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> new PostDetails(
                CommunityResults.post(access.post(query.actor(), query.postId()).view()),
                comments.list(query.postId(), PageRequest.first(COMMENTS_SHOWN))));
    }
}
