package dev.coachkit.application.events.envelope;

import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A domain event in the form the outbox stores and transports carry: its id, the stable name and
 * version of its type, the tenant, what it is about, when it happened, and a payload of JSON-compatible
 * values only (strings, numbers, booleans, lists and maps of those), so every adapter can store and
 * send it without knowing the event's type. Only the {@link dev.coachkit.application.events.EventTypes} registry builds and reads
 * payloads; services and consumers see the typed event.
 */
public record EventEnvelope(
        UUID id, String type, int version, TenantId tenantId, String subjectType, UUID subjectId,
        Instant occurredAt, Map<String, Object> payload) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1: " + version);
        }
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must look like 'post.created': " + type);
        }
        payload = Map.copyOf(checkedJson(payload, "payload"));
    }

    private static Map<String, Object> checkedJson(Map<String, Object> map, String path) {
        Objects.requireNonNull(map, path);
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, checkedValue(value, path + "." + key)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object checkedValue(Object value, String path) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> checkedValue(item, path + "[]")).toList();
        }
        if (value instanceof Map<?, ?> map) {
            return Map.copyOf(checkedJson((Map<String, Object>) map, path));
        }
        throw new IllegalArgumentException(path + " is not a JSON value: " + value);
    }
}
