package dev.coachkit.application.media;

import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.MediaAudience;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.UUID;

/** Loads a media asset for an actor; one the actor may not see does not exist for them. */
final class VisibleMedia {

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final MediaAudience audience;

    VisibleMedia(UnitOfWork unitOfWork, MediaRepository media, MediaAudience audience) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.audience = audience;
    }

    MediaAsset require(Actor actor, UUID mediaId) {
        MediaAsset asset = unitOfWork.inTenant(actor.tenantId(), () -> media.find(actor.tenantId(), mediaId))
                .orElseThrow(() -> new NotFoundException("media", mediaId));
        boolean sharedWithActor = asset.spaceId().map(space -> audience.canReadSpace(actor, space)).orElse(false)
                || audience.canReadPostWith(actor, mediaId);
        if (!MediaPolicy.mayView(actor, asset, sharedWithActor)) {
            throw new NotFoundException("media", mediaId);
        }
        return asset;
    }
}
