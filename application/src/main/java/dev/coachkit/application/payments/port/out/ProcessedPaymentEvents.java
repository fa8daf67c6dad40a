package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;

/** Provider events already applied, so that a redelivery changes nothing. */
public interface ProcessedPaymentEvents {

    /**
     * Records that {@code eventId} of {@code provider} is applied, in the unit of work that applies it;
     * false when it was recorded before (by this or another process).
     */
    boolean markApplied(TenantId tenant, String provider, String eventId, Instant at);
}
