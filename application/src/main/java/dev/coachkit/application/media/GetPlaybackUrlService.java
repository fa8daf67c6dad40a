package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.GetPlaybackUrlUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.ConflictException;
import java.time.Instant;

/** Presigns a short-lived GET of a ready asset's bytes. */
public final class GetPlaybackUrlService implements GetPlaybackUrlUseCase {

    private final VisibleMedia visible;
    private final BlobStore blobs;
    private final Clock clock;
    private final MediaSettings settings;

    GetPlaybackUrlService(VisibleMedia visible, BlobStore blobs, Clock clock, MediaSettings settings) {
        this.visible = visible;
        this.blobs = blobs;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public PlaybackUrl playbackUrl(Query query) {
        MediaAsset asset = visible.require(query.actor(), query.mediaId());
        if (asset.status() != MediaStatus.READY) {
            throw new ConflictException("media " + asset.id() + " is " + asset.status() + ", not ready for playback");
        }
        Instant expiresAt = clock.now().plus(settings.playbackUrlValidity());
        return new PlaybackUrl(blobs.presignGet(asset.objectKey(), asset.contentType(), asset.fileName(), expiresAt), expiresAt);
    }
}
