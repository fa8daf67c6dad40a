package dev.coachkit.application.realtime.port.out;

import java.util.List;

/**
 * What one read of the feed found, in feed order.
 *
 * @param heldBack whether committed events follow that cannot be handed out yet, because a transaction
 *                 that might still place an event before them is running: the reader asks again shortly
 */
public record FeedBatch(List<FeedEvent> events, boolean heldBack) {

    public FeedBatch {
        events = List.copyOf(events);
    }
}
