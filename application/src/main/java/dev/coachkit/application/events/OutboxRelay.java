package dev.coachkit.application.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher.PublishResult;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.events.port.out.OutboxRelayStore.ClaimedEvent;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Settlement;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves committed events from the outbox to the publisher, one claimed batch at a time: published
 * events are marked, failed ones retried with backoff, and events failing too often parked as dead.
 * An event is marked only after the publisher accepted it, so a crash in between republishes it
 * (at least once) and never loses it.
 */
public final class OutboxRelay {

    private final OutboxRelayStore store;
    private final EventPublisher publisher;
    private final RetryPolicy retries;
    private final Clock clock;
    private final DeadEventLog deadEvents;

    public OutboxRelay(OutboxRelayStore store, EventPublisher publisher, RetryPolicy retries, Clock clock,
            DeadEventLog deadEvents) {
        this.store = store;
        this.publisher = publisher;
        this.retries = retries;
        this.clock = clock;
        this.deadEvents = deadEvents;
    }

    /** Where parked events are reported (the server logs them at ERROR). */
    @FunctionalInterface
    public interface DeadEventLog {
        void parked(EventEnvelope event, int attempts, String error);
    }

    /** Events claimed per transaction; published in chunks of {@link EventPublisher#MAX_BATCH}. */
    public static final int CLAIM_SIZE = 50;

    /** Relays one claim of at most {@link #CLAIM_SIZE} events; returns how many were claimed. */
    public int relayBatch() {
        return store.relay(CLAIM_SIZE, this::publish);
    }

    /** Relays until nothing is due (or a batch made no progress); returns how many were claimed. */
    public int relayAllDue() {
        int total = 0;
        int claimed;
        do {
            claimed = relayBatch();
            total += claimed;
        } while (claimed == CLAIM_SIZE);
        return total;
    }

    private List<Settlement> publish(List<ClaimedEvent> claimed) {
        List<Settlement> settlements = new ArrayList<>(claimed.size());
        for (int from = 0; from < claimed.size(); from += EventPublisher.MAX_BATCH) {
            settlements.addAll(publishChunk(claimed.subList(from, Math.min(claimed.size(), from + EventPublisher.MAX_BATCH))));
        }
        return settlements;
    }

    private List<Settlement> publishChunk(List<ClaimedEvent> claimed) {
        PublishResult result;
        try {
            result = publisher.publish(claimed.stream().map(ClaimedEvent::event).toList());
        } catch (RuntimeException unreachable) {
            String reason = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
            return claimed.stream().map(event -> failed(event, reason)).toList();
        }
        Instant now = clock.now();
        return claimed.stream()
                .map(event -> result.failed(event.event().id())
                        ? failed(event, result.failures().get(event.event().id()))
                        : (Settlement) new OutboxRelayStore.Published(event.event().id(), now))
                .toList();
    }

    private Settlement failed(ClaimedEvent claimed, String error) {
        int attempts = claimed.attempts() + 1;
        Instant now = clock.now();
        if (retries.exhausted(attempts)) {
            deadEvents.parked(claimed.event(), attempts, error);
            return new OutboxRelayStore.Dead(claimed.event().id(), now, error);
        }
        return new OutboxRelayStore.Retry(claimed.event().id(), retries.nextAttempt(attempts, now), error);
    }
}
