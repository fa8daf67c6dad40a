package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A session starts in {@code offset}: time to remind the coach and the athlete. */
public record SessionReminderDue(
        TenantId tenantId, UUID sessionId, AccountId coachId, AccountId athleteId, Instant startsAt, Instant endsAt,
        Duration offset, Instant occurredAt) implements SessionEvent {

    public SessionReminderDue {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
