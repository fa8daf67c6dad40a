package dev.coachkit.application.events.port.out;

import dev.coachkit.application.events.port.in.HandleEventUseCase;

/**
 * An inbound transport of published events, such as a queue consumer: the core's event runtime runs
 * it on a thread of its own, handing it the core's handler, and closes it when the core stops.
 */
public interface EventSubscription extends AutoCloseable {

    /** Receives events and hands each to {@code handler} until {@link #close()}; then returns. */
    void receive(HandleEventUseCase handler);

    /** Stops receiving after the events in hand are handled; waits for them within a bound of its own. */
    @Override
    void close();
}
