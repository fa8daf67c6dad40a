package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Actor;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Completes an upload once the client stored its bytes: checks the stored size against the
 * declaration and the quota, then hands the asset to processing ({@code media.uploaded}).
 */
public interface FinalizeUploadUseCase {

    MediaAsset finalizeUpload(Command command);

    /** {@code parts} as the storage answered them; empty for a single-PUT upload, which refuses any. */
    record Command(Actor actor, UUID mediaId, List<UploadedPart> parts) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(mediaId, "mediaId");
            parts = List.copyOf(parts);
        }
    }

    /** A part the client uploaded: its number (from 1) and the ETag the storage answered for it. */
    record UploadedPart(int partNumber, String etag) {}
}
