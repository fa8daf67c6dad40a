package dev.coachkit.application.events;


/** Applies the effect of some event types (a notification, an e-mail); registered with the core. */
public interface EventConsumer {

    /** Stable name, recorded with each event it applied; renaming it makes old events look new. */
    String name();

    boolean wants(String eventType);

    /** Applies the effect inside the dispatcher's unit of work for the event's tenant. */
    void consume(EventEnvelope event);
}
