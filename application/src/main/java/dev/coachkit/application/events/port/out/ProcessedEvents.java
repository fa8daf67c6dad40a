package dev.coachkit.application.events.port.out;

import dev.coachkit.application.events.envelope.EventEnvelope;

/** Which consumer has already applied which event; used inside the consumer's unit of work. */
public interface ProcessedEvents {

    /**
     * Records that {@code consumer} applies {@code event} in the running unit of work of the event's
     * tenant. False when it was recorded before: the effect must then be skipped.
     */
    boolean markProcessed(String consumer, EventEnvelope event);
}
