package dev.coachkit.application.events.port.in;

import dev.coachkit.application.events.envelope.EventEnvelope;

/**
 * Delivers one published event to every consumer that wants it, each effect exactly once: a
 * consumer records the event id in the same unit of work as its effect, so a redelivery does nothing.
 * Throws when a consumer failed, so the transport redelivers the event later.
 */
public interface HandleEventUseCase {

    void handle(EventEnvelope event);
}
