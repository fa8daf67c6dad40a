package dev.coachkit.application.media;

import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.media.MediaAsset;
import java.net.URI;
import java.util.Optional;

/** The short-lived URL of an asset's thumbnail, once processing made one; signing reads no database. */
final class MediaThumbnails {

    private final BlobStore blobs;
    private final Clock clock;
    private final MediaSettings settings;

    MediaThumbnails(BlobStore blobs, Clock clock, MediaSettings settings) {
        this.blobs = blobs;
        this.clock = clock;
        this.settings = settings;
    }

    Optional<URI> urlOf(MediaAsset asset) {
        return asset.hasThumbnail()
                ? Optional.of(blobs.presignGet(asset.thumbnailKey(), "image/jpeg", "thumbnail.jpg",
                        clock.now().plus(settings.playbackUrlValidity())))
                : Optional.empty();
    }
}
