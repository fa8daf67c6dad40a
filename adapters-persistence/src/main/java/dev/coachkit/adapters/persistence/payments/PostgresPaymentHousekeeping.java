package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.adapters.persistence.jooq.Tables.CREDIT_LOTS;
import static dev.coachkit.adapters.persistence.jooq.Tables.SESSIONS;

import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Expired holds and expired lots across tenants, read as the worker role, which may see only the columns
 * these queries name (V24); each is then settled in a unit of work of its tenant.
 */
public final class PostgresPaymentHousekeeping implements PaymentHousekeeping {

    private final DSLContext worker;

    public PostgresPaymentHousekeeping(DSLContext worker) {
        this.worker = worker;
    }

    @Override
    public List<Due> expiredHolds(Instant now, int limit) {
        return worker.select(SESSIONS.TENANT_ID, SESSIONS.ID).from(SESSIONS)
                .where(SESSIONS.STATUS.eq(SessionStatus.PENDING_PAYMENT.name()),
                        SESSIONS.HOLD_EXPIRES_AT.lt(Timestamps.toColumn(now)))
                .orderBy(SESSIONS.HOLD_EXPIRES_AT, SESSIONS.ID)
                .limit(limit)
                .fetch(row -> new Due(TenantId.of(row.value1()), row.value2()));
    }

    @Override
    public List<Due> expiredLots(Instant now, int limit) {
        return worker.select(CREDIT_LOTS.TENANT_ID, CREDIT_LOTS.ID).from(CREDIT_LOTS)
                .where(CREDIT_LOTS.REMAINING.gt(0), CREDIT_LOTS.EXPIRES_AT.isNotNull(),
                        CREDIT_LOTS.EXPIRES_AT.lt(Timestamps.toColumn(now)))
                .orderBy(CREDIT_LOTS.EXPIRES_AT, CREDIT_LOTS.ID)
                .limit(limit)
                .fetch(row -> new Due(TenantId.of(row.value1()), row.value2()));
    }
}
