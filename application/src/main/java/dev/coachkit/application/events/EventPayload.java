package dev.coachkit.application.events;

import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payload of a stored event, read value by value with the type each key holds: ids and instants as
 * strings, counts as numbers, flags as booleans, optional values as absent keys. Every malformed value is
 * reported as a {@link MalformedEventException} naming the event type and the key.
 */
public final class EventPayload {

    private final String eventType;
    private final Map<String, Object> values;

    EventPayload(String eventType, Map<String, Object> values) {
        this.eventType = eventType;
        this.values = values;
    }

    /** Writes a payload in the same conventions; absent optionals are left out. */
    public static Builder builder() {
        return new Builder();
    }

    public String string(String key) {
        Object value = values.get(key);
        if (!(value instanceof String text)) {
            throw malformed(key, "a string");
        }
        return text;
    }

    public Optional<String> optionalString(String key) {
        return values.containsKey(key) ? Optional.of(string(key)) : Optional.empty();
    }

    public UUID uuid(String key) {
        try {
            return UUID.fromString(string(key));
        } catch (IllegalArgumentException notAnId) {
            throw malformed(key, "a UUID");
        }
    }

    public AccountId account(String key) {
        return AccountId.of(uuid(key));
    }

    public Optional<AccountId> optionalAccount(String key) {
        return values.containsKey(key) ? Optional.of(account(key)) : Optional.empty();
    }

    public Instant instant(String key) {
        try {
            return Instant.parse(string(key));
        } catch (DateTimeParseException notAnInstant) {
            throw malformed(key, "an ISO-8601 instant");
        }
    }

    public long number(String key) {
        Object value = values.get(key);
        if (!(value instanceof Number number) || number.doubleValue() != number.longValue()) {
            throw malformed(key, "a whole number");
        }
        return number.longValue();
    }

    public boolean flag(String key) {
        Object value = values.get(key);
        if (!(value instanceof Boolean flag)) {
            throw malformed(key, "true or false");
        }
        return flag;
    }

    public <T extends Enum<T>> T constant(String key, Class<T> type) {
        try {
            return Enum.valueOf(type, string(key));
        } catch (IllegalArgumentException unknown) {
            throw malformed(key, "one of " + List.of(type.getEnumConstants()));
        }
    }

    public List<UUID> uuids(String key) {
        Object value = values.get(key);
        if (!(value instanceof List<?> list)) {
            throw malformed(key, "a list of UUIDs");
        }
        List<UUID> ids = new ArrayList<>(list.size());
        for (Object item : list) {
            try {
                ids.add(UUID.fromString(String.valueOf(item)));
            } catch (IllegalArgumentException notAnId) {
                throw malformed(key, "a list of UUIDs");
            }
        }
        return List.copyOf(ids);
    }

    private MalformedEventException malformed(String key, String expected) {
        return new MalformedEventException(eventType + " payload: " + key + " must be " + expected);
    }

    /** Collects a payload as JSON-compatible values: ids, instants and constants as strings. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(String key, Object value) {
            values.put(key, json(key, value));
            return this;
        }

        public Builder put(String key, Optional<?> value) {
            value.ifPresent(present -> put(key, present));
            return this;
        }

        public Map<String, Object> build() {
            return Map.copyOf(values);
        }

        private static Object json(String key, Object value) {
            if (value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long) {
                return value;
            }
            if (value instanceof UUID || value instanceof AccountId || value instanceof Instant) {
                return value.toString();
            }
            if (value instanceof Enum<?> constant) {
                return constant.name();
            }
            if (value instanceof Collection<?> items) {
                return items.stream().map(item -> json(key, item)).toList();
            }
            throw new IllegalArgumentException(key + ": " + value.getClass().getSimpleName()
                    + " has no payload form; write it as a string or a number");
        }
    }
}
