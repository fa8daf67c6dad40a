package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.ListCommentsUseCase;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.shared.Page;

/** Pages through the comments of a readable post. */
final class ListCommentsService implements ListCommentsUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final CommentRepository comments;

    ListCommentsService(UnitOfWork unitOfWork, SpaceAccess access, CommentRepository comments) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.comments = comments;
    }

    @Override
    public Page<Comment> comments(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> {
            access.post(query.actor(), query.postId());
            return comments.list(query.postId(), query.page());
        });
    }
}
