package dev.coachkit.application.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.DomainEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one registry of event types: turns a typed event into the envelope the outbox and the transports
 * carry, and an envelope back into the same record, upgrading payloads of older versions. Each bounded
 * context contributes the types it defines; names and classes are unique.
 */
public final class EventTypes {

    private final Map<Class<?>, EventType<?>> byClass = new LinkedHashMap<>();
    private final Map<String, EventType<?>> byName = new LinkedHashMap<>();

    public EventTypes(Collection<? extends EventType<?>> types) {
        for (EventType<?> type : types) {
            type.requireComplete();
            if (byClass.putIfAbsent(type.javaType(), type) != null) {
                throw new IllegalArgumentException(type.javaType().getSimpleName() + " is registered twice");
            }
            if (byName.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("two event types are named " + type.name());
            }
        }
    }

    /** The envelope of {@code event} under a new id; fails for a record whose type was never registered. */
    public EventEnvelope envelope(UUID id, DomainEvent event) {
        return typeOf(event).envelope(id, event);
    }

    /**
     * The record in {@code envelope}; empty for a type this core does not know (nothing here consumes it).
     * Throws {@link MalformedEventException} for a payload that does not fit its type or a newer version.
     */
    public Optional<DomainEvent> event(EventEnvelope envelope) {
        return Optional.ofNullable(byName.get(envelope.type())).map(type -> type.read(envelope));
    }

    /** Whether some registered record is a {@code type}: a record class itself, or an interface they implement. */
    public boolean registersAny(Class<?> type) {
        return byClass.keySet().stream().anyMatch(type::isAssignableFrom);
    }

    @SuppressWarnings("unchecked")
    private <E extends DomainEvent> EventType<E> typeOf(E event) {
        EventType<?> type = byClass.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a registered event type");
        }
        return (EventType<E>) type;
    }
}
