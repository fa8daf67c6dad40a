package dev.coachkit.application.community;

import static java.util.stream.Collectors.toSet;

import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Media follows the visibility of the space it belongs to and of the posts that carry it. */
final class CommunityMediaAudience implements MediaAudience {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;
    private final SpaceRepository spaces;

    CommunityMediaAudience(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts, SpaceRepository spaces) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.posts = posts;
        this.spaces = spaces;
    }

    @Override
    public boolean canReadSpace(Actor actor, UUID spaceId) {
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            try {
                return access.space(actor, spaceId).standing().mayRead();
            } catch (NotFoundException hidden) {
                return false;
            }
        });
    }

    @Override
    public boolean canReadPostWith(Actor actor, UUID mediaId) {
        return unitOfWork.inTenant(actor.tenantId(),
                () -> posts.carriesReadableMedia(mediaId, actor.accountId(), actor.isAdmin()));
    }

    @Override
    public Circle circleOf(TenantId tenant, Optional<UUID> spaceId, UUID mediaId) {
        return unitOfWork.inTenant(tenant, () -> {
            List<PostRepository.MediaCarrier> carriers = posts.carriersOf(mediaId);
            Set<AccountId> owners = new HashSet<>();
            carriers.forEach(carrier -> owners.add(carrier.spaceOwner()));
            spaceId.flatMap(spaces::find).ifPresent(summary -> owners.add(summary.space().ownerId()));
            return new Circle(carriers.stream().map(PostRepository.MediaCarrier::postAuthor).collect(toSet()),
                    carriers.stream().map(PostRepository.MediaCarrier::spaceId).collect(toSet()), owners);
        });
    }
}
