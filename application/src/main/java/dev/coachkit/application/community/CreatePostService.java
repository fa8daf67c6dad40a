package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.PostRepository.PostView;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Post;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Stores a member's post and records {@code post.created}, whose consumer notifies the space. */
final class CreatePostService implements CreatePostUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;
    private final CommunityEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    CreatePostService(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts, CommunityEvents events,
            IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.posts = posts;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public PostView create(Command command) {
        Post post = new Post(ids.newId(), command.actor().tenantId(), command.spaceId(), command.actor().accountId(),
                command.type(), Optional.ofNullable(command.title()), command.content(), command.mediaIds(),
                clock.now());
        return unitOfWork.inTenant(post.tenantId(), () -> {
            access.space(command.actor(), post.spaceId()).standing().requireMayContribute();
            posts.add(post);
            Map<String, Object> payload = new HashMap<>(Map.of("spaceId", post.spaceId().toString(),
                    "authorId", post.authorId().toString(), "type", post.type().name()));
            post.title().ifPresent(title -> payload.put("title", title));
            events.record(post.tenantId(), "post.created", "post", post.id(), payload);
            return new PostView(post, 0);
        });
    }
}
