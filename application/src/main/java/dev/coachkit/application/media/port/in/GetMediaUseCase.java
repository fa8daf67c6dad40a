package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Actor;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** A media asset as one who may see it sees it, with a short-lived thumbnail URL once it is ready. */
public interface GetMediaUseCase {

    MediaView media(Query query);

    record Query(Actor actor, UUID mediaId) {}

    record MediaView(MediaAsset asset, Optional<URI> thumbnailUrl) {}
}
