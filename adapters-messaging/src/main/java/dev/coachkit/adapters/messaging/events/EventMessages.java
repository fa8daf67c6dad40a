package dev.coachkit.adapters.messaging.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON body of an event message: {@code id, type, version, tenantId, subjectType, subjectId,
 * occurredAt} (ISO-8601, full precision) and {@code payload}. Numbers come back as Integer, Long or
 * Double. A message without {@code version} was sent before events had versions: version 1.
 */
final class EventMessages {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

    private EventMessages() {}

    static String write(EventEnvelope event) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", event.id().toString())
                .put("type", event.type())
                .put("version", event.version())
                .put("tenantId", event.tenantId().value().toString())
                .put("subjectType", event.subjectType())
                .put("subjectId", event.subjectId().toString())
                .put("occurredAt", event.occurredAt().toString());
        node.set("payload", JSON.valueToTree(event.payload()));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /** The event in {@code body}; throws {@link MalformedEventException} when it is not one. */
    static EventEnvelope read(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("not a JSON object");
            }
            JsonNode payload = node.path("payload");
            if (!payload.isObject()) {
                throw new MalformedEventException("payload is not a JSON object");
            }
            return new EventEnvelope(
                    UUID.fromString(text(node, "id")),
                    text(node, "type"),
                    version(node),
                    TenantId.of(UUID.fromString(text(node, "tenantId"))),
                    text(node, "subjectType"),
                    UUID.fromString(text(node, "subjectId")),
                    Instant.parse(text(node, "occurredAt")),
                    JSON.convertValue(payload, PAYLOAD));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw e instanceof MalformedEventException malformed ? malformed : new MalformedEventException(e.getMessage());
        }
    }

    private static int version(JsonNode node) {
        JsonNode value = node.get("version");
        if (value == null) {
            return 1;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new MalformedEventException("version is not an integer");
        }
        return value.intValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedEventException(field + " is missing or not a string");
        }
        return value.textValue();
    }

    /** A message body that is not an event this adapter wrote. */
    static final class MalformedEventException extends IllegalArgumentException {

        MalformedEventException(String reason) {
            super("malformed event message: " + reason);
        }
    }
}
