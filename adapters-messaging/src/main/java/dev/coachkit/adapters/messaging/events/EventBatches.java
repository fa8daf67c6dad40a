package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.util.List;
import java.util.Objects;

/** The batch rules every publisher shares: not null, at most {@link EventPublisher#MAX_BATCH} events. */
final class EventBatches {

    private EventBatches() {}

    static void check(List<EventEnvelope> events) {
        Objects.requireNonNull(events, "events");
        if (events.size() > EventPublisher.MAX_BATCH) {
            throw new IllegalArgumentException(
                    "at most " + EventPublisher.MAX_BATCH + " events per batch, got " + events.size());
        }
        events.forEach(event -> Objects.requireNonNull(event, "event"));
    }

    /** A failure's message, or its type when it has none: what the relay stores as the reason. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
