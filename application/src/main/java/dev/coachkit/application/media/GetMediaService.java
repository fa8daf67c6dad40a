package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.GetMediaUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.media.MediaAsset;
import java.net.URI;
import java.util.Optional;

/** A visible asset, with a presigned thumbnail URL once processing made one. */
public final class GetMediaService implements GetMediaUseCase {

    private final VisibleMedia visible;
    private final BlobStore blobs;
    private final Clock clock;
    private final MediaSettings settings;

    GetMediaService(VisibleMedia visible, BlobStore blobs, Clock clock, MediaSettings settings) {
        this.visible = visible;
        this.blobs = blobs;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public MediaView media(Query query) {
        MediaAsset asset = visible.require(query.actor(), query.mediaId());
        Optional<URI> thumbnail = asset.hasThumbnail()
                ? Optional.of(blobs.presignGet(asset.thumbnailKey(), "image/jpeg", "thumbnail.jpg",
                        clock.now().plus(settings.playbackUrlValidity())))
                : Optional.empty();
        return new MediaView(asset, thumbnail);
    }
}
