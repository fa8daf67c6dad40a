package dev.coachkit.application.events.port.out;

import dev.coachkit.application.events.envelope.EventEnvelope;
import java.util.function.Consumer;

/**
 * An inbound transport of published events, such as a queue consumer: the core's event runtime runs
 * it on a thread of its own, handing it the core's handler, and closes it when the core stops.
 * (The handler is a plain {@link Consumer} so that out-ports do not depend on in-ports.)
 */
public interface EventSubscription extends AutoCloseable {

    /**
     * Receives events and hands each to {@code handler} until {@link #close()}; then returns. The handler
     * throws when an event could not be handled: the transport delivers it again later.
     */
    void receive(Consumer<EventEnvelope> handler);

    /** Stops receiving after the events in hand are handled; waits for them within a bound of its own. */
    @Override
    void close();
}
