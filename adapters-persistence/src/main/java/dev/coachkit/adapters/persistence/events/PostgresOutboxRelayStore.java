package dev.coachkit.adapters.persistence.events;

import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;

import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.UpdateSetMoreStep;
import dev.coachkit.adapters.persistence.jooq.tables.records.OutboxEventsRecord;
import org.jooq.impl.DSL;

/**
 * The relay's claims, as the worker role: {@code FOR UPDATE SKIP LOCKED} gives each concurrent relay
 * a disjoint batch, and the row locks last until the settlement commits, so no other relay can
 * publish a claimed event meanwhile.
 */
public final class PostgresOutboxRelayStore implements OutboxRelayStore {

    private static final Condition PENDING = OUTBOX_EVENTS.PUBLISHED_AT.isNull().and(OUTBOX_EVENTS.DEAD_AT.isNull());

    private final DSLContext worker;

    public PostgresOutboxRelayStore(DSLContext worker) {
        this.worker = worker;
    }

    @Override
    public int relay(int limit, Function<List<ClaimedEvent>, List<Settlement>> publish) {
        return worker.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            List<ClaimedEvent> claimed = transaction.selectFrom(OUTBOX_EVENTS)
                    .where(PENDING, OUTBOX_EVENTS.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                    .orderBy(OUTBOX_EVENTS.NEXT_ATTEMPT_AT, OUTBOX_EVENTS.SEQUENCE_NUMBER)
                    .limit(limit)
                    .forUpdate().skipLocked()
                    .fetch(row -> new ClaimedEvent(OutboxRows.toDomain(row), row.getAttempts()));
            if (claimed.isEmpty()) {
                return 0;
            }
            Map<UUID, UUID> tenantOf = claimed.stream().collect(
                    Collectors.toMap(c -> c.event().id(), c -> c.event().tenantId().value(), (first, same) -> first));
            List<Settlement> settlements = publish.apply(claimed);
            markPublished(transaction, settlements, tenantOf);
            settlements.stream().filter(s -> !(s instanceof Published))
                    .forEach(failed -> settleFailure(transaction, failed, tenantOf.get(failed.eventId())));
            return claimed.size();
        });
    }

    /** One statement for the whole batch's successes, by primary key. */
    private static void markPublished(DSLContext transaction, List<Settlement> settlements, Map<UUID, UUID> tenantOf) {
        List<Published> published = settlements.stream().filter(Published.class::isInstance)
                .map(Published.class::cast).toList();
        if (published.isEmpty()) {
            return;
        }
        transaction.update(OUTBOX_EVENTS)
                .set(OUTBOX_EVENTS.PUBLISHED_AT, Timestamps.toColumn(published.get(0).at()))
                .set(OUTBOX_EVENTS.LAST_ERROR, (String) null)
                .where(DSL.row(OUTBOX_EVENTS.TENANT_ID, OUTBOX_EVENTS.ID).in(published.stream()
                        .map(p -> DSL.row(tenantOf.get(p.eventId()), p.eventId())).toList()), PENDING)
                .execute();
    }

    private static void settleFailure(DSLContext transaction, Settlement settlement, UUID tenant) {
        var update = transaction.update(OUTBOX_EVENTS);
        UpdateSetMoreStep<OutboxEventsRecord> set;
        if (settlement instanceof Retry retry) {
            set = update.set(OUTBOX_EVENTS.ATTEMPTS, OUTBOX_EVENTS.ATTEMPTS.plus(1))
                    .set(OUTBOX_EVENTS.NEXT_ATTEMPT_AT, Timestamps.toColumn(retry.nextAttemptAt()))
                    .set(OUTBOX_EVENTS.LAST_ERROR, truncate(retry.error()));
        } else {
            Dead dead = (Dead) settlement;
            set = update.set(OUTBOX_EVENTS.ATTEMPTS, OUTBOX_EVENTS.ATTEMPTS.plus(1))
                    .set(OUTBOX_EVENTS.DEAD_AT, Timestamps.toColumn(dead.at()))
                    .set(OUTBOX_EVENTS.LAST_ERROR, truncate(dead.error()));
        }
        set.where(OUTBOX_EVENTS.TENANT_ID.eq(tenant), OUTBOX_EVENTS.ID.eq(settlement.eventId()), PENDING).execute();
    }

    @Override
    public OutboxStats stats() {
        Record3<Integer, Integer, OffsetDateTime> row = worker.select(
                        DSL.count().filterWhere(PENDING),
                        DSL.count().filterWhere(OUTBOX_EVENTS.DEAD_AT.isNotNull()),
                        DSL.min(OUTBOX_EVENTS.RECORDED_AT).filterWhere(PENDING.and(OUTBOX_EVENTS.ATTEMPTS.eq(0))))
                .from(OUTBOX_EVENTS)
                // pending and dead rows are unpublished; the published ones kept for retention count for nothing
                .where(OUTBOX_EVENTS.PUBLISHED_AT.isNull())
                .fetchSingle();
        return new OutboxStats(row.value1(), row.value2(), Optional.ofNullable(row.value3()).map(OffsetDateTime::toInstant));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2_000 ? error : error.substring(0, 2_000);
    }
}
