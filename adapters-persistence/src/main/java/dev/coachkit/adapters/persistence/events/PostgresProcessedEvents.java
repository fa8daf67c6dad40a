package dev.coachkit.adapters.persistence.events;

import static dev.coachkit.adapters.persistence.jooq.Tables.PROCESSED_EVENTS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.ProcessedEvents;

/** One insert that wins or does nothing: the primary key (tenant, consumer, event) decides first-time. */
public final class PostgresProcessedEvents implements ProcessedEvents {

    private final TenantTransactions transactions;

    public PostgresProcessedEvents(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean markProcessed(String consumer, EventEnvelope event) {
        return transactions.require(event.tenantId()).insertInto(PROCESSED_EVENTS)
                .set(PROCESSED_EVENTS.TENANT_ID, event.tenantId().value())
                .set(PROCESSED_EVENTS.CONSUMER, consumer)
                .set(PROCESSED_EVENTS.EVENT_ID, event.id())
                .onConflictDoNothing()
                .execute() == 1;
    }
}
