package dev.coachkit.application.events.port.out;

import dev.coachkit.application.events.envelope.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The relay's side of the outbox, across tenants: claims due events so that concurrent relays never
 * hold the same event, and stores what became of each. Implemented with a narrowly granted worker
 * role, never by relaxing row-level security for the runtime role.
 */
public interface OutboxRelayStore {

    /**
     * In one transaction: claims up to {@code limit} due events (oldest first, skipping events other
     * relays hold), passes them to {@code publish}, and stores the settlement it returns for each.
     * Returns how many events were claimed; zero when none was due.
     */
    int relay(int limit, Function<List<ClaimedEvent>, List<Settlement>> publish);

    /** Counts for readiness and metrics, from aggregate queries. */
    OutboxStats stats();

    /** A claimed event and how often publishing it failed before. */
    record ClaimedEvent(EventEnvelope event, int attempts) {}

    /** What became of one claimed event. */
    sealed interface Settlement {
        UUID eventId();
    }

    /** Accepted by the publisher. */
    record Published(UUID eventId, Instant at) implements Settlement {}

    /** Failed; try again at {@code nextAttemptAt}. */
    record Retry(UUID eventId, Instant nextAttemptAt, String error) implements Settlement {}

    /** Failed too often: parked, visible to operators, never retried automatically. */
    record Dead(UUID eventId, Instant at, String error) implements Settlement {}

    /**
     * Pending (not yet published) and dead events, and when the oldest pending event that was never
     * attempted was recorded: how far behind the relay is, ignoring events waiting out a retry.
     */
    record OutboxStats(long pending, long dead, Optional<Instant> oldestUnattemptedRecordedAt) {
        public OutboxStats {
            if (pending < 0 || dead < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
            Objects.requireNonNull(oldestUnattemptedRecordedAt, "oldestUnattemptedRecordedAt");
        }
    }
}
