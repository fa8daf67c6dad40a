package dev.coachkit.application.events;

import dev.coachkit.domain.shared.DomainEvent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Applies the effect of one event type (a notification, an e-mail), or of every type implementing an
 * interface such as {@code SessionEvent}; registered with the core by a bounded context or a host.
 */
public interface EventConsumer<E extends DomainEvent> {

    /** Stable name, recorded with each event it applied; renaming it makes old events look new. */
    String name();

    /** The record class it consumes; events of subclasses and implementations are delivered too. */
    Class<E> eventType();

    /** Applies the effect inside the dispatcher's unit of work for the event's tenant. */
    void consume(E event);

    /** A consumer made of a name, a type and a handler, e.g. a host's own. */
    static <E extends DomainEvent> EventConsumer<E> of(String name, Class<E> eventType, Consumer<? super E> handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(handler, "handler");
        return new EventConsumer<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<E> eventType() {
                return eventType;
            }

            @Override
            public void consume(E event) {
                handler.accept(event);
            }
        };
    }
}
