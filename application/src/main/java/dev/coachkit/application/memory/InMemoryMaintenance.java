package dev.coachkit.application.memory;

import dev.coachkit.application.events.port.out.MaintenanceStore;
import java.time.Instant;

/** Maintenance over the in-memory stores; there is no in-memory idempotency-key store to clean. */
public final class InMemoryMaintenance implements MaintenanceStore {

    private final InMemoryRefreshTokens refreshTokens;
    private final InMemoryProcessedEvents processedEvents;
    private final InMemoryEventOutbox outbox;

    public InMemoryMaintenance(InMemoryRefreshTokens refreshTokens, InMemoryProcessedEvents processedEvents,
            InMemoryEventOutbox outbox) {
        this.refreshTokens = refreshTokens;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
    }

    @Override
    public int deleteRefreshTokensExpiredBefore(Instant cutoff) {
        return refreshTokens.deleteExpiredBefore(cutoff);
    }

    @Override
    public int deleteIdempotencyKeysExpiredBefore(Instant cutoff) {
        return 0;
    }

    @Override
    public int deleteProcessedEventsOlderThan(Instant cutoff) {
        return processedEvents.deleteOlderThan(cutoff);
    }

    @Override
    public int deletePublishedEventsBefore(Instant cutoff) {
        return outbox.deletePublishedBefore(cutoff);
    }
}
