package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.adapters.persistence.jooq.Tables.PROCESSED_PAYMENT_EVENTS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;

/**
 * One row per applied provider event, keyed by (provider, event id) across all tenants. The insert waits
 * for a concurrent one of the same event to end, so of two deliveries applied at once exactly one is first.
 */
public final class PostgresProcessedPaymentEvents implements ProcessedPaymentEvents {

    private final TenantTransactions transactions;

    public PostgresProcessedPaymentEvents(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean markApplied(TenantId tenant, String provider, String eventId, Instant at) {
        return transactions.require(tenant).insertInto(PROCESSED_PAYMENT_EVENTS)
                .set(PROCESSED_PAYMENT_EVENTS.PROVIDER, provider)
                .set(PROCESSED_PAYMENT_EVENTS.EVENT_ID, eventId)
                .set(PROCESSED_PAYMENT_EVENTS.TENANT_ID, tenant.value())
                .set(PROCESSED_PAYMENT_EVENTS.APPLIED_AT, Timestamps.toColumn(at))
                .onConflictDoNothing()
                .execute() == 1;
    }
}
