package dev.coachkit.bootstrap;

import dev.coachkit.adapters.messaging.events.SqsReadinessProbe;
import dev.coachkit.adapters.messaging.events.SqsReadinessProbe.QueueDepth;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore.OutboxStats;
import dev.coachkit.application.shared.port.out.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the event backbone, read from what {@code /ready} reads: the outbox's one aggregate query and
 * the queue's attribute calls, each taken at most once a second however many gauges and scrapes ask.
 */
final class BackboneMetrics {

    private static final Duration SAMPLE_AGE = Duration.ofSeconds(1);

    private BackboneMetrics() {}

    /** {@code coachkit_outbox_pending}, {@code _dead} and {@code _oldest_pending_seconds} (never attempted yet). */
    static void bindOutbox(OutboxRelayStore store, Clock clock, MeterRegistry meters) {
        Sampled<OutboxStats> stats = new Sampled<>(store::stats, SAMPLE_AGE);
        gauge(meters, "coachkit.outbox.pending", "Outbox events not yet published", stats, OutboxStats::pending);
        gauge(meters, "coachkit.outbox.dead", "Outbox events parked after too many failed attempts", stats,
                OutboxStats::dead);
        Gauge.builder("coachkit.outbox.oldest.pending", stats, sampled -> sampled.get()
                        .map(read -> read.oldestUnattemptedRecordedAt()
                                .map(oldest -> (double) Math.max(0, Duration.between(oldest, clock.now()).toSeconds()))
                                .orElse(0.0))
                        .orElse(Double.NaN))
                .description("Age of the oldest outbox event the relay has not attempted yet: how far behind it is")
                .baseUnit("seconds")
                .strongReference(true)
                .register(meters);
    }

    /** {@code coachkit_queue_messages}, {@code _in_flight} and {@code _dead_letters}: SQS's approximate counts. */
    static void bindQueue(SqsReadinessProbe queue, MeterRegistry meters) {
        Sampled<QueueDepth> depth = new Sampled<>(queue::depth, SAMPLE_AGE);
        gauge(meters, "coachkit.queue.messages", "Events waiting in the queue", depth, QueueDepth::messages);
        gauge(meters, "coachkit.queue.in.flight", "Events received by a consumer and not yet deleted", depth,
                QueueDepth::inFlight);
        gauge(meters, "coachkit.queue.dead.letters", "Events in the dead-letter queue", depth, QueueDepth::deadLetters);
    }

    private static <T> void gauge(MeterRegistry meters, String name, String description, Sampled<T> sampled,
            ToDoubleFunction<T> value) {
        Gauge.builder(name, sampled, s -> s.get().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .strongReference(true)
                .register(meters);
    }
}
