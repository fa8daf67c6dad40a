package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.PostRepository.PostView;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.shared.BusinessRuleException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stores a member's post and records {@code post.created}, whose consumer notifies the space. */
final class CreatePostService implements CreatePostUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;
    private final MediaRepository media;
    private final CommunityEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    CreatePostService(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts, MediaRepository media,
            CommunityEvents events,
            IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.posts = posts;
        this.media = media;
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
            requireMediaOfTheOrganization(post);
            posts.add(post);
            Map<String, Object> payload = new HashMap<>(Map.of("spaceId", post.spaceId().toString(),
                    "authorId", post.authorId().toString(), "type", post.type().name()));
            post.title().ifPresent(title -> payload.put("title", title));
            events.record(post.tenantId(), "post.created", "post", post.id(), payload);
            return new PostView(post, 0);
        });
    }

    private void requireMediaOfTheOrganization(Post post) {
        if (post.mediaIds().isEmpty()) {
            return;
        }
        Set<UUID> known = media.existing(post.tenantId(), post.mediaIds());
        List<UUID> unknown = post.mediaIds().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new BusinessRuleException("mediaIds " + unknown + " are not media of this organization");
        }
    }
}
