package dev.coachkit.adapters.persistence.events;

import static dev.coachkit.adapters.persistence.jooq.Tables.ACCOUNT_TOKENS;
import static dev.coachkit.adapters.persistence.jooq.Tables.ANONYMOUS_IDEMPOTENCY_KEYS;
import static dev.coachkit.adapters.persistence.jooq.Tables.IDEMPOTENCY_KEYS;
import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.PROCESSED_EVENTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_FAMILIES;
import static dev.coachkit.adapters.persistence.jooq.Tables.REFRESH_TOKENS;

import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import java.time.Instant;
import java.util.function.ToIntFunction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Cleanup as the worker role. Each job runs under a transaction-level advisory lock of its own, so
 * with several worker processes one deletes and the others skip at once instead of competing.
 */
public final class PostgresMaintenance implements MaintenanceStore {

    private static final long LOCK_NAMESPACE = 0x436f_6163_684b_0000L; // "CoachK"
    static final int REFRESH_TOKENS_JOB = 1;

    private final DSLContext worker;

    public PostgresMaintenance(DSLContext worker) {
        this.worker = worker;
    }

    @Override
    public int deleteRefreshTokensExpiredBefore(Instant cutoff) {
        return exclusively(REFRESH_TOKENS_JOB, dsl -> {
            int tokens = dsl.deleteFrom(REFRESH_TOKENS)
                    .where(REFRESH_TOKENS.EXPIRES_AT.lt(Timestamps.toColumn(cutoff))).execute();
            // a family expires with its newest token, so it has no token left by now: the devices list
            // and the address and user agent it kept go with it
            dsl.deleteFrom(REFRESH_FAMILIES).where(REFRESH_FAMILIES.EXPIRES_AT.lt(Timestamps.toColumn(cutoff)))
                    .execute();
            return tokens;
        });
    }

    @Override
    public int deleteAccountTokensExpiredBefore(Instant cutoff) {
        return exclusively(5, dsl -> dsl.deleteFrom(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.EXPIRES_AT.lt(Timestamps.toColumn(cutoff))).execute());
    }

    @Override
    public int deleteIdempotencyKeysExpiredBefore(Instant cutoff) {
        return exclusively(2, dsl -> dsl.deleteFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.EXPIRES_AT.lt(Timestamps.toColumn(cutoff))).execute()
                + dsl.deleteFrom(ANONYMOUS_IDEMPOTENCY_KEYS)
                        .where(ANONYMOUS_IDEMPOTENCY_KEYS.EXPIRES_AT.lt(Timestamps.toColumn(cutoff))).execute());
    }

    @Override
    public int deleteProcessedEventsOlderThan(Instant cutoff) {
        return exclusively(3, dsl -> dsl.deleteFrom(PROCESSED_EVENTS)
                .where(PROCESSED_EVENTS.PROCESSED_AT.lt(Timestamps.toColumn(cutoff))).execute());
    }

    @Override
    public int deletePublishedEventsBefore(Instant cutoff) {
        return exclusively(4, dsl -> dsl.deleteFrom(OUTBOX_EVENTS)
                .where(OUTBOX_EVENTS.PUBLISHED_AT.lt(Timestamps.toColumn(cutoff))).execute());
    }

    /** The advisory lock that one run of {@code job} holds for its transaction. */
    static long lockKey(int job) {
        return LOCK_NAMESPACE + job;
    }

    private int exclusively(int job, ToIntFunction<DSLContext> work) {
        return worker.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            boolean locked = transaction.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class,
                    DSL.val(lockKey(job)))).fetchSingle().value1();
            return locked ? work.applyAsInt(transaction) : 0;
        });
    }
}
