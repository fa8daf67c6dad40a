package dev.coachkit.application.events;

import dev.coachkit.application.events.port.out.MaintenanceStore;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The scheduler's periodic cleanup: expired refresh, reset and verification tokens and idempotency keys, old
 * processed-event records, published outbox rows.
 */
public final class MaintenanceJobs {

    /** Redeliveries older than this are not expected, so their processed-event records can go. */
    public static final Duration PROCESSED_EVENT_RETENTION = Duration.ofDays(14);

    /** Published outbox events are kept this long for inspection, then pruned. */
    public static final Duration PUBLISHED_EVENT_RETENTION = Duration.ofDays(1);

    private final MaintenanceStore store;
    private final Clock clock;

    public MaintenanceJobs(MaintenanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What one run deleted. */
    public record Report(int refreshTokens, int accountTokens, int idempotencyKeys, int processedEvents,
            int publishedEvents) {}

    public Report runOnce() {
        Instant now = clock.now();
        return new Report(store.deleteRefreshTokensExpiredBefore(now), store.deleteAccountTokensExpiredBefore(now),
                store.deleteIdempotencyKeysExpiredBefore(now),
                store.deleteProcessedEventsOlderThan(now.minus(PROCESSED_EVENT_RETENTION)),
                store.deletePublishedEventsBefore(now.minus(PUBLISHED_EVENT_RETENTION)));
    }
}
