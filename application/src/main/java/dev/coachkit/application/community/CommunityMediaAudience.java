package dev.coachkit.application.community;

import dev.coachkit.application.community.port.out.PostRepository;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.UUID;

/** Media follows the visibility of the space it belongs to and of the posts that carry it. */
final class CommunityMediaAudience implements MediaAudience {

    private final UnitOfWork unitOfWork;
    private final SpaceAccess access;
    private final PostRepository posts;

    CommunityMediaAudience(UnitOfWork unitOfWork, SpaceAccess access, PostRepository posts) {
        this.unitOfWork = unitOfWork;
        this.access = access;
        this.posts = posts;
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
}
