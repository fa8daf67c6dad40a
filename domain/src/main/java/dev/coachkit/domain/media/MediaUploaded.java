package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The bytes of a media asset are in storage and wait to be processed. */
public record MediaUploaded(
        TenantId tenantId, UUID mediaId, String objectKey, String contentType, long sizeBytes,
        Instant occurredAt) implements DomainEvent {

    public MediaUploaded {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(contentType, "contentType");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes cannot be negative");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
