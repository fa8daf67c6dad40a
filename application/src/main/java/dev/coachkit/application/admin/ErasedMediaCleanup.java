package dev.coachkit.application.admin;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.media.MediaBytes;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.events.EventEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code user.erased}: deletes the stored bytes of the erased member's media, whose records the
 * erasure removed. Deleting an object that is already gone does nothing, so a redelivery is harmless.
 */
final class ErasedMediaCleanup implements EventConsumer {

    private final BlobStore blobs;

    ErasedMediaCleanup(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "erased-media-cleanup";
    }

    @Override
    public boolean wants(String eventType) {
        return "user.erased".equals(eventType);
    }

    @Override
    public void consume(EventEnvelope event) {
        Object mediaIds = event.payload().get("mediaIds");
        for (Object id : mediaIds instanceof List<?> list ? list : List.of()) {
            MediaBytes.deleteAll(blobs, event.tenantId(), UUID.fromString(String.valueOf(id)), Optional.empty());
        }
    }
}
