package dev.coachkit.application.realtime.port.out;

import dev.coachkit.application.events.envelope.EventEnvelope;
import java.util.Objects;

/** A committed outbox event and its place in the feed. */
public record FeedEvent(FeedPosition position, EventEnvelope event) {

    public FeedEvent {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(event, "event");
    }
}
