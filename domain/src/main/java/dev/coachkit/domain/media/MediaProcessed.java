package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Processing of a media asset ended: READY with its metadata, or FAILED with a reason. */
public record MediaProcessed(
        TenantId tenantId, UUID mediaId, MediaStatus status, Optional<String> failureReason,
        Instant occurredAt) implements DomainEvent {

    public MediaProcessed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
