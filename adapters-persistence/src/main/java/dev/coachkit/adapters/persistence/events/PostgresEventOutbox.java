package dev.coachkit.adapters.persistence.events;

import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;

import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.shared.port.out.EventOutbox;
import java.time.ZoneOffset;

/** Writes domain events into {@code outbox_events} inside the running tenant transaction. */
public final class PostgresEventOutbox implements EventOutbox {

    private final TenantTransactions transactions;

    public PostgresEventOutbox(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(EventEnvelope event) {
        transactions.require(event.tenantId())
                .insertInto(OUTBOX_EVENTS)
                .set(OUTBOX_EVENTS.TENANT_ID, event.tenantId().value())
                .set(OUTBOX_EVENTS.ID, event.id())
                .set(OUTBOX_EVENTS.TYPE, event.type())
                .set(OUTBOX_EVENTS.VERSION, event.version())
                .set(OUTBOX_EVENTS.SUBJECT_TYPE, event.subjectType())
                .set(OUTBOX_EVENTS.SUBJECT_ID, event.subjectId())
                .set(OUTBOX_EVENTS.PAYLOAD, OutboxRows.payload(event))
                .set(OUTBOX_EVENTS.OCCURRED_AT, event.occurredAt().atOffset(ZoneOffset.UTC))
                .execute();
    }
}
