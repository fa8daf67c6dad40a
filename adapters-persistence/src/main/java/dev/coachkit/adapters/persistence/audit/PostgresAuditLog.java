package dev.coachkit.adapters.persistence.audit;

import static dev.coachkit.adapters.persistence.jooq.Tables.AUDIT_EVENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.domain.audit.AuditEntry;
import java.util.Map;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Appends to {@code audit_events}, which the runtime role can insert into and read, never change. */
public final class PostgresAuditLog implements AuditLog {

    private final TenantTransactions transactions;
    private final ObjectMapper json = new ObjectMapper();

    public PostgresAuditLog(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(AuditEntry entry) {
        transactions.require().dsl().insertInto(AUDIT_EVENTS)
                .set(AUDIT_EVENTS.TENANT_ID, entry.tenantId().value())
                .set(AUDIT_EVENTS.ID, entry.id())
                .set(AUDIT_EVENTS.ACTION, entry.action())
                .set(AUDIT_EVENTS.ACTOR_ID, entry.actorId().map(actor -> actor.value()).orElse(null))
                .set(AUDIT_EVENTS.TARGET_TYPE, entry.targetType())
                .set(AUDIT_EVENTS.TARGET_ID, entry.targetId())
                .set(Map.of(AUDIT_EVENTS.IP, inet(entry))) // a Field value: jOOQ has no Java type for inet
                .set(AUDIT_EVENTS.DETAILS, JSONB.valueOf(write(entry)))
                .set(AUDIT_EVENTS.OCCURRED_AT, Timestamps.toColumn(entry.occurredAt()))
                .execute();
    }

    private static Field<Object> inet(AuditEntry entry) {
        return DSL.field("cast({0} as inet)", Object.class, DSL.val(entry.clientIp().orElse(null), String.class));
    }

    private String write(AuditEntry entry) {
        try {
            return json.writeValueAsString(entry.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not serializable", e);
        }
    }
}
