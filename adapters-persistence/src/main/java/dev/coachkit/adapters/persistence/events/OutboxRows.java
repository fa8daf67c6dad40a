package dev.coachkit.adapters.persistence.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.jooq.tables.records.OutboxEventsRecord;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import org.jooq.JSONB;

/** Maps outbox rows to domain events and payloads to JSON, for the writer and the relay alike. */
public final class OutboxRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    private OutboxRows() {}

    public static EventEnvelope toDomain(OutboxEventsRecord row) {
        return new EventEnvelope(row.getId(), row.getType(), row.getVersion(), TenantId.of(row.getTenantId()), row.getSubjectType(),
                row.getSubjectId(), row.getOccurredAt().toInstant(), read(row.getPayload()));
    }

    public static JSONB payload(EventEnvelope event) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(event.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload is not serializable", e);
        }
    }

    private static Map<String, Object> read(JSONB payload) {
        try {
            return JSON.readValue(payload.data(), PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event payload is not JSON", e);
        }
    }
}
