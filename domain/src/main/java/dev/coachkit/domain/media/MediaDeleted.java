package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A media asset was deleted, in whatever state it was. */
public record MediaDeleted(
        TenantId tenantId, UUID mediaId, MediaStatus status, long sizeBytes, Instant occurredAt) implements DomainEvent {

    public MediaDeleted {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(status, "status");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes cannot be negative");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
