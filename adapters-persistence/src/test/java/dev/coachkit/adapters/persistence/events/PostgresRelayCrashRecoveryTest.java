package dev.coachkit.adapters.persistence.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.community.CommunityEventTypes;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.events.OutboxRelay;
import dev.coachkit.application.events.RetryPolicy;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.testing.EventEnvelopeBuilder;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.shared.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A relay that dies after publishing but before marking the batch published: after a restart every
 * event is delivered again (at least once) and every consumer effect still happens exactly once.
 */
class PostgresRelayCrashRecoveryTest {

    @Test
    void events_published_before_a_crash_are_redelivered_and_applied_once() {
        PostgresPersistence persistence = TestPersistence.shared();
        TenantId tenant = TenantId.of(UUID.randomUUID());
        List<EventEnvelope> events = IntStream.range(0, 25)
                .mapToObj(i -> EventEnvelopeBuilder.anEnvelope().inTenant(tenant).build()).toList();
        persistence.unitOfWork().runInTenant(tenant, () -> events.forEach(persistence.eventOutbox()::record));
        Map<UUID, Integer> effects = new ConcurrentHashMap<>();
        EventDispatcher dispatcher = new EventDispatcher(persistence.unitOfWork(), persistence.processedEvents(),
                new EventTypes(CommunityEventTypes.all()), List.of(counting(effects)));
        Set<UUID> mine = Set.copyOf(events.stream().map(EventEnvelope::id).toList());
        AtomicBoolean crashed = new AtomicBoolean();
        EventPublisher crashesOnce = batch -> {
            batch.stream().filter(event -> mine.contains(event.id())).forEach(dispatcher::handle);
            if (batch.stream().anyMatch(event -> mine.contains(event.id())) && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("killed after sending, before marking");
            }
            return EventPublisher.PublishResult.allPublished();
        };
        RetryPolicy immediately = new RetryPolicy(5, Duration.ofNanos(1_000), Duration.ofNanos(1_000));

        try (PostgresWorkerPersistence worker =
                PostgresWorkerPersistence.connect(TestDatabase.shared().worker(), new SimpleMeterRegistry())) {
            OutboxRelay relay = new OutboxRelay(worker.outboxRelayStore(), crashesOnce, immediately, Clock.system(),
                    (event, attempts, error) -> { });
            for (int round = 0; round < 100 && pendingOf(tenant) > 0; round++) {
                relay.relayAllDue(); // the failed batch is due again a microsecond later
            }
        }

        assertThat(crashed).isTrue();
        assertThat(effects).hasSize(events.size());
        assertThat(effects.values()).allMatch(count -> count == 1);
    }

    /** The tenant's events neither published nor dead, counted in the database. */
    private static long pendingOf(TenantId tenant) {
        return TestDatabase.shared().queryNumberAsOwner(
                "SELECT count(*) FROM outbox_events WHERE tenant_id = ? AND published_at IS NULL AND dead_at IS NULL",
                tenant.value());
    }

    /** Counts effects per post: each envelope of the builder is about another post. */
    private static EventConsumer<PostCreated> counting(Map<UUID, Integer> effects) {
        return EventConsumer.of("crash-counter", PostCreated.class,
                event -> effects.merge(event.postId(), 1, Integer::sum));
    }
}
