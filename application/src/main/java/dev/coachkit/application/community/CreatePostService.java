package dev.coachkit.application.community;

import dev.coachkit.application.community.port.in.CreatePostUseCase;
import dev.coachkit.application.community.port.in.PostOverview;
import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.community.Post;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stores a member's post and records {@code post.created}, whose consumer notifies the space. */
final class CreatePostService implements CreatePostUseCase {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;
    private final MediaRepository media;
    private final EventRecorder events;
    private final IdGenerator ids;
    private final Clock clock;

    CreatePostService(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts, MediaRepository media,
            EventRecorder events,
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
    public PostOverview create(Command command) {
        Post post = new Post(ids.newId(), command.actor().tenantId(), command.spaceId(), command.actor().accountId(),
                command.type(), Optional.ofNullable(command.title()), command.content(), command.mediaIds(),
                clock.now());
        return unitOfWork.inTenant(post.tenantId(), () -> {
            access.space(command.actor(), post.spaceId()).standing().requireMayContribute();
            requireMediaTheAuthorMaySee(command.actor(), post);
            posts.add(post);
            events.record(post.created());
            return new PostOverview(post, 0);
        });
    }

    /**
     * A post shares its media with the space's readers, so its author may attach only media they may
     * see: their own uploads, anything when ADMIN, or media of a space they can read. Others' private
     * media and unknown ids get the same answer, so the refusal reveals nothing.
     */
    private void requireMediaTheAuthorMaySee(Actor author, Post post) {
        if (post.mediaIds().isEmpty()) {
            return;
        }
        Map<UUID, MediaAsset> found = media.findAll(post.tenantId(), post.mediaIds()).stream()
                .collect(Collectors.toMap(MediaAsset::id, asset -> asset));
        Map<UUID, Boolean> readableSpaces = new HashMap<>();
        List<UUID> refused = post.mediaIds().stream().filter(id -> {
            MediaAsset asset = found.get(id);
            return asset == null || !(MediaPolicy.mayView(author, asset, false) || asset.spaceId()
                    .map(space -> readableSpaces.computeIfAbsent(space, unknown -> canRead(author, space)))
                    .orElse(false));
        }).toList();
        if (!refused.isEmpty()) {
            throw new BusinessRuleException("mediaIds " + refused + " are not media you can see in this organization");
        }
    }

    private boolean canRead(Actor actor, UUID spaceId) {
        try {
            return access.space(actor, spaceId).standing().mayRead();
        } catch (NotFoundException hidden) {
            return false;
        }
    }
}
