package dev.coachkit.application.events.port.out;

import java.time.Instant;

/**
 * Deletes what has outlived its use, across tenants, for the scheduler. Each call is safe when
 * several worker processes run it at once: one does the work, the others skip it.
 */
public interface MaintenanceStore {

    /**
     * Refresh tokens that expired before {@code cutoff}, and the families (signed-in devices, with the
     * address and user agent they kept) whose newest token did; returns how many tokens were deleted.
     */
    int deleteRefreshTokensExpiredBefore(Instant cutoff);

    /**
     * Password-reset and verification tokens that expired before {@code cutoff}, used or not: their links
     * are dead, and a verification names the address of an invitee who may never have joined.
     */
    int deleteAccountTokensExpiredBefore(Instant cutoff);

    /** Idempotency keys that expired before {@code cutoff}. */
    int deleteIdempotencyKeysExpiredBefore(Instant cutoff);

    /** Records of processed events older than {@code cutoff}, beyond any redelivery window. */
    int deleteProcessedEventsOlderThan(Instant cutoff);

    /** Outbox events published before {@code cutoff}: the relay is done with them, and they slow it down. */
    int deletePublishedEventsBefore(Instant cutoff);
}
