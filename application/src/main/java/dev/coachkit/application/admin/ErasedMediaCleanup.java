package dev.coachkit.application.admin;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.media.MediaBytes;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.domain.admin.MemberErased;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code user.erased}: deletes the stored bytes of the erased member's media, whose records the
 * erasure removed. Deleting an object that is already gone does nothing, so a redelivery is harmless.
 */
final class ErasedMediaCleanup implements EventConsumer<MemberErased> {

    private final BlobStore blobs;

    ErasedMediaCleanup(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public String name() {
        return "erased-media-cleanup";
    }

    @Override
    public Class<MemberErased> eventType() {
        return MemberErased.class;
    }

    @Override
    public void consume(MemberErased event) {
        for (UUID id : event.mediaIds()) {
            MediaBytes.deleteAll(blobs, event.tenantId(), id, Optional.empty());
        }
    }
}
