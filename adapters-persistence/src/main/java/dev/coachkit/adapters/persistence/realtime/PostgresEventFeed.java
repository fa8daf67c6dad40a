package dev.coachkit.adapters.persistence.realtime;

import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;

import dev.coachkit.adapters.persistence.events.OutboxRows;
import dev.coachkit.adapters.persistence.events.PostgresOutboxSignal;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.FeedBatch;
import dev.coachkit.application.realtime.port.out.FeedEvent;
import dev.coachkit.application.realtime.port.out.FeedPosition;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The feed over {@code outbox_events}, read as the runtime role in the tenant's unit of work (row-level
 * security keeps it to the tenant). A row is handed out only once the transaction that wrote it is
 * below the reader's snapshot fence ({@code pg_snapshot_xmin}): every transaction below it has ended,
 * so no row can still appear at a position before it. Positions are (transaction, sequence). Wake-ups
 * come from the outbox's {@code coachkit_outbox} notifications on a listening connection of its own.
 */
public final class PostgresEventFeed implements EventFeed {

    /** The oldest transaction still running as the statement's snapshot sees it; rows below it are settled. */
    private static final Field<Long> FENCE =
            DSL.field("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);

    private final TenantTransactions transactions;
    private final PostgresOutboxSignal signal;

    public PostgresEventFeed(TenantTransactions transactions, PostgresOutboxSignal signal) {
        this.transactions = transactions;
        this.signal = signal;
    }

    @Override
    public FeedBatch after(TenantId tenant, FeedPosition after, int limit) {
        Field<Long> fence = FENCE.as("fence");
        List<Record> rows = transactions.require(tenant)
                .select(OUTBOX_EVENTS.asterisk(), fence)
                .from(OUTBOX_EVENTS)
                .where(OUTBOX_EVENTS.TENANT_ID.eq(tenant.value()),
                        DSL.row(OUTBOX_EVENTS.TRANSACTION_ID, OUTBOX_EVENTS.SEQUENCE_NUMBER)
                                .gt(after.transaction(), after.sequence()))
                .orderBy(OUTBOX_EVENTS.TRANSACTION_ID, OUTBOX_EVENTS.SEQUENCE_NUMBER)
                .limit(limit)
                .fetch();
        List<FeedEvent> settled = new ArrayList<>(rows.size());
        for (Record row : rows) {
            long transaction = row.get(OUTBOX_EVENTS.TRANSACTION_ID);
            if (transaction >= row.get(fence)) {
                return new FeedBatch(settled, true); // rows are in transaction order: the rest is held back too
            }
            settled.add(new FeedEvent(new FeedPosition(transaction, row.get(OUTBOX_EVENTS.SEQUENCE_NUMBER)),
                    OutboxRows.toDomain(row.into(OUTBOX_EVENTS))));
        }
        return new FeedBatch(settled, false);
    }

    @Override
    public FeedPosition head(TenantId tenant) {
        return transactions.require(tenant)
                .select(OUTBOX_EVENTS.TRANSACTION_ID, OUTBOX_EVENTS.SEQUENCE_NUMBER)
                .from(OUTBOX_EVENTS)
                .where(OUTBOX_EVENTS.TENANT_ID.eq(tenant.value()), OUTBOX_EVENTS.TRANSACTION_ID.lt(FENCE))
                .orderBy(OUTBOX_EVENTS.TRANSACTION_ID.desc(), OUTBOX_EVENTS.SEQUENCE_NUMBER.desc())
                .limit(1)
                .fetchOptional(row -> new FeedPosition(row.value1(), row.value2()))
                .orElse(FeedPosition.START);
    }

    @Override
    public boolean retains(TenantId tenant, FeedPosition position) {
        Condition at = OUTBOX_EVENTS.TENANT_ID.eq(tenant.value())
                .and(OUTBOX_EVENTS.TRANSACTION_ID.eq(position.transaction()))
                .and(OUTBOX_EVENTS.SEQUENCE_NUMBER.eq(position.sequence()));
        return transactions.require(tenant).fetchExists(OUTBOX_EVENTS, at);
    }

    @Override
    public boolean awaitAppended(Duration timeout) throws InterruptedException {
        return signal.awaitEvents(timeout);
    }

    /** Stops listening; the feed's reads go on working. */
    public void close() {
        signal.close();
    }
}
