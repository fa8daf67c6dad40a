package dev.coachkit.application.events.port.out;

import dev.coachkit.application.events.envelope.EventEnvelope;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands committed domain events to their consumers: a queue (SQS) between processes, or direct
 * dispatch inside single-node mode. Delivery is at least once; consumers are idempotent.
 */
public interface EventPublisher {

    /**
     * Publishes the batch (at most {@link #MAX_BATCH} events) and reports which were not accepted,
     * so only those are retried. Throws when the whole batch failed (e.g. the queue is unreachable).
     */
    PublishResult publish(List<EventEnvelope> events);

    int MAX_BATCH = 10;

    /** The events that were not published, by id, with the reason. Empty: all published. */
    record PublishResult(Map<UUID, String> failures) {
        public PublishResult {
            failures = Map.copyOf(failures);
        }

        public static PublishResult allPublished() {
            return new PublishResult(Map.of());
        }

        public boolean failed(UUID eventId) {
            return failures.containsKey(eventId);
        }
    }
}
