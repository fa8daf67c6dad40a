package dev.coachkit.application.media.port.in;

import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.Actor;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Announces an upload: checks the type allow-list, the per-file limit and the tenant's quota,
 * creates the asset awaiting its bytes and answers the presigned URLs to PUT them to.
 */
public interface RequestUploadUseCase {

    UploadIntent requestUpload(Command command);

    record Command(Actor actor, String fileName, String contentType, long sizeBytes, Optional<UUID> spaceId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(spaceId, "spaceId");
        }
    }

    /** One URL to PUT a part of the file to; part numbers start at 1. */
    record PartUrl(int partNumber, URI url) {}

    /** The pending asset and where its bytes go: every part but the last is exactly {@code partSize} bytes. */
    record UploadIntent(MediaAsset asset, long partSize, List<PartUrl> parts, Instant expiresAt) {
        public UploadIntent {
            parts = List.copyOf(parts);
        }
    }
}
