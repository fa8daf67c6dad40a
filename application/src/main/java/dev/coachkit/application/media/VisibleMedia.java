package dev.coachkit.application.media;

import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.SpaceReadAccess;
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
    private final SpaceReadAccess spaces;

    VisibleMedia(UnitOfWork unitOfWork, MediaRepository media, SpaceReadAccess spaces) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.spaces = spaces;
    }

    MediaAsset require(Actor actor, UUID mediaId) {
        MediaAsset asset = unitOfWork.inTenant(actor.tenantId(), () -> media.find(actor.tenantId(), mediaId))
                .orElseThrow(() -> new NotFoundException("media", mediaId));
        boolean spaceReadable = asset.spaceId().map(space -> spaces.canRead(actor, space)).orElse(false);
        if (!MediaPolicy.mayView(actor, asset, spaceReadable)) {
            throw new NotFoundException("media", mediaId);
        }
        return asset;
    }
}
