package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.AddCommentUseCase;
import dev.coachkit.application.community.port.out.CommentRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Comment;
import dev.coachkit.domain.community.Post;

/** Stores a comment and records {@code comment.created}, whose consumer notifies the post's author. */
final class AddCommentService implements AddCommentUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final CommentRepository comments;
    private final EventRecorder events;
    private final IdGenerator ids;
    private final Clock clock;

    AddCommentService(UnitOfWork unitOfWork, SpaceAccess access, CommentRepository comments, EventRecorder events,
            IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.comments = comments;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Comment add(Command command) {
        Comment comment = new Comment(ids.newId(), command.actor().tenantId(), command.postId(),
                command.actor().accountId(), command.content(), clock.now());
        return unitOfWork.inTenant(comment.tenantId(), () -> {
            SpaceAccess.OnPost target = access.post(command.actor(), command.postId());
            target.standing().requireMayContribute();
            comments.add(comment);
            Post post = target.view().post();
            events.record(comment.createdOn(post));
            return comment;
        });
    }
}
