package dev.coachkit.application.media;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaProbe;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.shared.DomainEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media worker, on {@code media.uploaded}: reads the object, probes it, stores the thumbnail
 * and marks the asset READY, or FAILED with the probe's reason, then records {@code media.processed}.
 * An asset no longer PROCESSING (a redelivery, or deleted) is left alone.
 */
public final class MediaProcessingConsumer implements EventConsumer {

    private final MediaRepository media;
    private final BlobStore blobs;
    private final MediaProbe probe;
    private final EventOutbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    MediaProcessingConsumer(MediaRepository media, BlobStore blobs, MediaProbe probe, EventOutbox outbox,
            IdGenerator ids, Clock clock) {
        this.media = media;
        this.blobs = blobs;
        this.probe = probe;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "media-processor";
    }

    @Override
    public boolean wants(String eventType) {
        return "media.uploaded".equals(eventType);
    }

    @Override
    public void consume(DomainEvent event) {
        media.find(event.tenantId(), event.subjectId())
                .filter(asset -> asset.status() == MediaStatus.PROCESSING)
                .ifPresent(this::process);
    }

    private void process(MediaAsset asset) {
        MediaProbe.Result result;
        try (InputStream content = blobs.open(asset.objectKey())) {
            result = probe.probe(asset.kind(), content);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("media " + asset.id() + " could not be read from storage", unreadable);
        }
        MediaAsset processed;
        if (result.metadata().isPresent()) {
            blobs.write(asset.thumbnailKey(), result.thumbnailJpeg().orElseThrow(), "image/jpeg");
            processed = asset.ready(result.metadata().get(), true);
        } else {
            processed = asset.failed(result.failure().orElseThrow());
        }
        media.update(processed);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", processed.status().name());
        processed.failureReason().ifPresent(reason -> payload.put("failureReason", reason));
        outbox.record(new DomainEvent(ids.newId(), "media.processed", asset.tenantId(), "media", asset.id(),
                clock.now(), payload));
    }
}
