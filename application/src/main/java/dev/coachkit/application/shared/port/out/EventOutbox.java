package dev.coachkit.application.shared.port.out;

import dev.coachkit.application.events.envelope.EventEnvelope;

/**
 * Where use cases record the domain events of a change, inside the same {@link UnitOfWork} as the
 * change itself, so that an event exists exactly when its change was committed.
 */
public interface EventOutbox {

    /**
     * Records the event in the running unit of work. Fails with {@link IllegalStateException} when no
     * unit of work runs or when the event belongs to another tenant than the unit's.
     */
    void record(EventEnvelope event);
}
