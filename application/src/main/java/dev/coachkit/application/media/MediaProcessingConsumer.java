package dev.coachkit.application.media;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.media.MediaUploaded;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;

/**
 * The media worker, on {@code media.uploaded}: reads the object, probes it, stores the thumbnail
 * and marks the asset READY, or FAILED with the probe's reason, then records {@code media.processed}.
 * An asset no longer PROCESSING (a redelivery, or deleted) is left alone. What a decoder or ffmpeg
 * said about a failure goes to the log (WARN, with the media id), never to clients.
 */
public final class MediaProcessingConsumer implements EventConsumer<MediaUploaded> {

    /** The JDK's logger: the core has no logging library; the server bridges it to its own log. */
    private static final Logger LOG = System.getLogger(MediaProcessingConsumer.class.getName());

    private final MediaRepository media;
    private final BlobStore blobs;
    private final MediaProbe probe;
    private final ProcessingOutcomes outcomes;

    MediaProcessingConsumer(MediaRepository media, BlobStore blobs, MediaProbe probe, ProcessingOutcomes outcomes) {
        this.media = media;
        this.blobs = blobs;
        this.probe = probe;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return "media-processor";
    }

    @Override
    public Class<MediaUploaded> eventType() {
        return MediaUploaded.class;
    }

    @Override
    public void consume(MediaUploaded event) {
        media.find(event.tenantId(), event.mediaId())
                .filter(asset -> asset.status() == MediaStatus.PROCESSING)
                .ifPresent(this::process);
    }

    private void process(MediaAsset asset) {
        if (blobs.size(asset.objectKey()).isEmpty()) {
            // retrying cannot bring the bytes back: without this the event would be retried until parked
            // and the asset would stay PROCESSING
            outcomes.store(asset.failed("the uploaded file is missing from storage; upload it again"));
            return;
        }
        MediaProbe.Result result;
        try (InputStream content = blobs.open(asset.objectKey())) {
            result = probe.probe(asset.kind(), content);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("media " + asset.id() + " could not be read from storage", unreadable);
        }
        if (result.metadata().isPresent()) {
            if (asset.kind().pictured()) {
                blobs.write(asset.thumbnailKey(), result.thumbnailJpeg().orElseThrow(), "image/jpeg");
            }
            if (!outcomes.store(asset.ready(result.metadata().get()))
                    && media.find(asset.tenantId(), asset.id()).isEmpty()) {
                // deleted while it was being processed, perhaps after the delete removed the thumbnail
                blobs.delete(asset.thumbnailKey());
            }
        } else {
            String reason = result.failure().orElseThrow();
            result.detail().ifPresent(detail -> LOG.log(Level.WARNING, "media {0} of tenant {1} failed processing"
                    + " (shown as \"{2}\"): {3}", asset.id(), asset.tenantId().value(), reason, detail));
            outcomes.store(asset.failed(reason));
        }
    }
}
