package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A booked session was cancelled, with the reason when one was given. */
public record SessionCancelled(
        TenantId tenantId, UUID sessionId, AccountId coachId, AccountId athleteId, Instant startsAt, Instant endsAt,
        AccountId cancelledBy, Optional<String> reason, Instant occurredAt) implements SessionEvent {

    public SessionCancelled {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
