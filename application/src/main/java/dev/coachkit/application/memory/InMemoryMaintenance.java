package dev.coachkit.application.memory;

import dev.coachkit.application.events.port.out.MaintenanceStore;
import java.time.Instant;

/** Maintenance over the in-memory stores. */
public final class InMemoryMaintenance implements MaintenanceStore {

    private final InMemoryRefreshTokens refreshTokens;
    private final InMemoryAccountTokens accountTokens;
    private final InMemoryProcessedEvents processedEvents;
    private final InMemoryEventOutbox outbox;
    private final InMemoryIdempotencyKeys idempotencyKeys;

    public InMemoryMaintenance(InMemoryRefreshTokens refreshTokens, InMemoryAccountTokens accountTokens,
            InMemoryProcessedEvents processedEvents, InMemoryEventOutbox outbox, InMemoryIdempotencyKeys idempotencyKeys) {
        this.refreshTokens = refreshTokens;
        this.accountTokens = accountTokens;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Override
    public int deleteRefreshTokensExpiredBefore(Instant cutoff) {
        return refreshTokens.deleteExpiredBefore(cutoff);
    }

    @Override
    public int deleteAccountTokensExpiredBefore(Instant cutoff) {
        return accountTokens.deleteExpiredBefore(cutoff);
    }

    @Override
    public int deleteIdempotencyKeysExpiredBefore(Instant cutoff) {
        return idempotencyKeys.deleteExpiredBefore(cutoff);
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
