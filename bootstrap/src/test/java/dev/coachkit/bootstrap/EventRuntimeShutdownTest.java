package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.RetryPolicy;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher.PublishResult;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.shared.port.out.Clock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the core's event runtime while the relay holds a claimed batch of the PostgreSQL outbox: the
 * batch is published and marked first. (That its loops stop side by side is EventRuntimeTest's.)
 */
class EventRuntimeShutdownTest {

    private final TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
    private final PostgresWorkerPersistence worker =
            PostgresWorkerPersistence.connect(database.worker(), new SimpleMeterRegistry());

    @AfterEach
    void disconnect() {
        worker.close();
    }

    @Test
    void close_waits_for_the_claimed_batch_to_be_published_and_marked_so_nothing_is_lost_or_left_claimed()
            throws Exception {
        List<UUID> events = List.of(outboxEvent(), outboxEvent(), outboxEvent());
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<EventEnvelope> published = new CopyOnWriteArrayList<>();
        EventPublisher slowQueue = batch -> {
            claimed.countDown();
            awaitQuietly(release);
            published.addAll(batch);
            return PublishResult.allPublished();
        };
        EventRuntime.Parts parts = new EventRuntime.Parts();
        parts.relay(worker.outboxRelayStore(), worker.outboxSignal());
        parts.publisher(slowQueue);
        parts.settings(RuntimeSettings.defaults().withRelay(Duration.ofSeconds(1), RetryPolicy.defaults()));
        EventRuntime runtime = new EventRuntime(parts, event -> {}, Clock.system(), List.of());
        runtime.start();
        assertThat(claimed.await(15, TimeUnit.SECONDS)).as("the relay claimed the batch").isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(runtime::stop);
        // a negative can only be watched for a while: close must still be waiting on the batch in hand
        assertThatThrownBy(() -> closing.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        closing.get(20, TimeUnit.SECONDS);

        assertThat(published).extracting(EventEnvelope::id).containsExactlyInAnyOrderElementsOf(events);
        assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where published_at is null"))
                .as("every claimed event marked published before close returned").isZero();
        assertThat(database.queryNumberAsOwner("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                + " where c.relname = 'outbox_events' and l.mode = 'RowShareLock'"
                + " and l.database = (select oid from pg_database where datname = current_database())"))
                .as("no claim is still held").isZero();
    }

    private UUID outboxEvent() {
        UUID tenant = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        database.executeAsOwner("insert into tenants (id, name) values (?, 'Shutdown')", tenant);
        database.executeAsOwner("insert into outbox_events (tenant_id, id, type, subject_type, subject_id, payload,"
                + " occurred_at) values (?, ?, 'test.done', 'test', ?, '{}', now())", tenant, id, UUID.randomUUID());
        return id;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the latch");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
