package dev.coachkit.adapters.persistence.audit;

import static dev.coachkit.adapters.persistence.jooq.Tables.AUDIT_EVENTS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Appends to and searches {@code audit_events}, which the runtime role can insert into and read, never change. */
public final class PostgresAuditLog implements AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};
    /** The address without the /32 or /128 suffix {@code inet} prints. */
    private static final Field<String> CLIENT_ADDRESS =
            DSL.field("host({0})", String.class, AUDIT_EVENTS.IP).as("client_address");

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

    @Override
    public Page<AuditEntry> search(Filter filter, PageRequest page) {
        TenantTransactions.Bound bound = transactions.requireTenant();
        Condition before = page.after().map(cursor -> DSL.row(AUDIT_EVENTS.OCCURRED_AT, AUDIT_EVENTS.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))).orElse(DSL.noCondition());
        List<AuditEntry> fetched = bound.dsl().select(AUDIT_EVENTS.asterisk(), CLIENT_ADDRESS).from(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.TENANT_ID.eq(bound.tenant().value()), before,
                        filter.action().map(AUDIT_EVENTS.ACTION::eq).orElse(DSL.noCondition()),
                        filter.actor().map(actor -> AUDIT_EVENTS.ACTOR_ID.eq(actor.value())).orElse(DSL.noCondition()),
                        filter.from().map(from -> AUDIT_EVENTS.OCCURRED_AT.ge(Timestamps.toColumn(from)))
                                .orElse(DSL.noCondition()),
                        filter.to().map(to -> AUDIT_EVENTS.OCCURRED_AT.lt(Timestamps.toColumn(to)))
                                .orElse(DSL.noCondition()))
                .orderBy(AUDIT_EVENTS.OCCURRED_AT.desc(), AUDIT_EVENTS.ID.desc())
                .limit(page.limit() + 1)
                .fetch(this::toDomain);
        return Page.fromLookahead(fetched, page.limit(),
                entry -> Cursor.of(entry.occurredAt().toString(), entry.id().toString()));
    }

    private AuditEntry toDomain(Record row) {
        return new AuditEntry(row.get(AUDIT_EVENTS.ID), TenantId.of(row.get(AUDIT_EVENTS.TENANT_ID)),
                row.get(AUDIT_EVENTS.ACTION), Optional.ofNullable(row.get(AUDIT_EVENTS.ACTOR_ID)).map(AccountId::of),
                row.get(AUDIT_EVENTS.TARGET_TYPE), row.get(AUDIT_EVENTS.TARGET_ID),
                Optional.ofNullable(row.get(CLIENT_ADDRESS)), Timestamps.toInstant(row.get(AUDIT_EVENTS.OCCURRED_AT)),
                read(row.get(AUDIT_EVENTS.DETAILS)));
    }

    private Map<String, Object> read(JSONB details) {
        try {
            return json.readValue(details.data(), DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not a JSON object", e);
        }
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
