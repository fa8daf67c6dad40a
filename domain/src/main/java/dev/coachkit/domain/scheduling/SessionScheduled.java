package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A session was booked. */
public record SessionScheduled(
        TenantId tenantId, UUID sessionId, AccountId coachId, AccountId athleteId, Instant startsAt, Instant endsAt,
        AccountId bookedBy, Instant occurredAt) implements SessionEvent {

    public SessionScheduled {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(bookedBy, "bookedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
