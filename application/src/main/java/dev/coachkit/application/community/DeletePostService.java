package dev.coachkit.application.community;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.community.port.in.DeletePostUseCase;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Deletes a post for its author, a space owner or ADMIN; records {@code post.deleted} and an audit entry. */
final class DeletePostService implements DeletePostUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final Clock clock;

    DeletePostService(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts, EventRecorder events,
            AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.posts = posts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void delete(Command command) {
        unitOfWork.runInTenant(command.actor().tenantId(), () -> {
            SpaceAccess.OnPost target = access.post(command.actor(), command.postId());
            Post post = target.view().post();
            target.standing().requireMayDelete(post);
            Instant now = clock.now();
            if (!posts.delete(post.id(), now)) {
                throw new NotFoundException("post", post.id()); // deleted concurrently
            }
            events.record(post.deletedBy(command.actor().accountId(), now));
            // no author in the append-only trail: erasing the author must not leave them linked to the post
            audit.record(post.tenantId(), "post.deleted", Optional.of(command.actor().accountId()), "post", post.id(),
                    command.clientIp(), Map.of("spaceId", post.spaceId().toString()));
        });
    }
}
