package dev.coachkit.application.events;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static dev.coachkit.application.testing.TestTenants.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.EventPublisher.PublishResult;
import dev.coachkit.application.events.port.out.EventSubscription;
import dev.coachkit.application.memory.InMemoryEventOutbox;
import dev.coachkit.application.memory.InMemoryUnitOfWork;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The event runtime's loops: what starts, how stop waits for the work in hand, what drain delivers. */
class EventRuntimeTest {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);
    private final List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
    private final HandleEventUseCase handler = handled::add;

    private EventRuntime runtime(EventRuntime.Parts parts, EventRuntime.Job... jobs) {
        return new EventRuntime(parts, handler, Clock.system(), List.of(jobs));
    }

    private EventRuntime.Parts relayingParts() {
        EventRuntime.Parts parts = new EventRuntime.Parts();
        parts.relay(outbox, outbox);
        return parts;
    }

    private EventEnvelope recorded() {
        EventEnvelope event = anEnvelope().build();
        unitOfWork.runInTenant(ACME, () -> outbox.record(event));
        return event;
    }

    @Test
    void drain_dispatches_in_process_by_default_and_counts_only_what_was_delivered() {
        EventEnvelope first = recorded();
        EventEnvelope failing = recorded();
        EventRuntime runtime = new EventRuntime(relayingParts(), event -> {
            if (event.equals(failing)) {
                throw new IllegalStateException("consumer down");
            }
            handled.add(event);
        }, Clock.system(), List.of());

        assertThat(runtime.drain()).isOne();
        assertThat(handled).containsExactly(first);
        assertThat(runtime.drain()).as("the failed event waits out its retry").isZero();
    }

    @Test
    void drain_without_a_relay_store_names_what_is_missing() {
        EventRuntime runtime = runtime(new EventRuntime.Parts());

        assertThat(runtime.relays()).isFalse();
        assertThatThrownBy(runtime::drain).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relay(store, signal)");
    }

    @Test
    void a_configured_publisher_replaces_in_process_dispatch() {
        List<EventEnvelope> queued = new CopyOnWriteArrayList<>();
        EventRuntime.Parts parts = relayingParts();
        parts.publisher(events -> {
            queued.addAll(events);
            return PublishResult.allPublished();
        });
        EventEnvelope event = recorded();

        assertThat(runtime(parts).drain()).isOne();
        assertThat(queued).containsExactly(event);
        assertThat(handled).isEmpty();
    }

    @Test
    void the_running_relay_wakes_on_commit_and_stop_waits_for_the_batch_in_hand() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventRuntime.Parts parts = relayingParts();
        parts.settings(RuntimeSettings.defaults().withRelay(Duration.ofMinutes(1), RetryPolicy.defaults()));
        parts.publisher(events -> {
            claimed.countDown();
            await(release);
            handled.addAll(events);
            return PublishResult.allPublished();
        });
        EventRuntime runtime = runtime(parts);
        runtime.start();
        EventEnvelope event = recorded();
        assertThat(claimed.await(10, TimeUnit.SECONDS)).as("woken by the commit, not the minute's poll").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(runtime::stop);
        assertThatThrownBy(() -> stopping.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(handled).containsExactly(event);
        assertThat(outbox.unpublished(ACME)).as("settled before stop returned").isEmpty();
    }

    @Test
    void subscriptions_receive_with_the_cores_handler_and_stop_side_by_side() {
        CountDownLatch bothClosing = new CountDownLatch(2);
        EventRuntime.Parts parts = new EventRuntime.Parts();
        EventEnvelope event = anEnvelope().build();
        for (int i = 0; i < 2; i++) {
            CountDownLatch closed = new CountDownLatch(1);
            parts.subscription(new EventSubscription() {
                @Override
                public void receive(Consumer<EventEnvelope> handler) {
                    handler.accept(event);
                    await(closed);
                }

                @Override
                public void close() {
                    bothClosing.countDown();
                    await(bothClosing); // one after the other, the first close would wait in vain
                    closed.countDown();
                }
            });
        }
        EventRuntime runtime = runtime(parts);
        runtime.start();

        assertThat(CompletableFuture.runAsync(runtime::stop)).succeedsWithin(Duration.ofSeconds(10));
        assertThat(handled).containsExactly(event, event);
    }

    @Test
    void a_host_executor_refusing_a_loop_fails_start_and_stops_the_loops_it_took() {
        CountDownLatch closed = new CountDownLatch(1);
        EventRuntime.Parts parts = new EventRuntime.Parts();
        parts.subscription(new EventSubscription() {
            @Override
            public void receive(Consumer<EventEnvelope> handler) {
                await(closed);
            }

            @Override
            public void close() {
                closed.countDown();
            }
        });
        parts.subscription(new EventSubscription() {
            @Override
            public void receive(Consumer<EventEnvelope> handler) {}

            @Override
            public void close() {}
        });
        AtomicInteger taken = new AtomicInteger();
        parts.settings(RuntimeSettings.defaults().withExecutor(loop -> {
            if (taken.incrementAndGet() > 1) {
                throw new RejectedExecutionException("one thread only");
            }
            new Thread(loop).start();
        }));
        EventRuntime runtime = runtime(parts);

        assertThatThrownBy(runtime::start).isInstanceOf(RejectedExecutionException.class);
        assertThat(closed.getCount()).as("the loop the executor took was stopped").isZero();
    }

    @Test
    void a_failing_job_is_reported_and_runs_again_at_its_interval() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ranTwice = new CountDownLatch(2);
        List<String> reports = new CopyOnWriteArrayList<>();
        EventRuntime.Parts parts = new EventRuntime.Parts();
        parts.settings(RuntimeSettings.defaults().withMonitor(new RuntimeMonitor() {
            @Override
            public void jobFailed(String job, RuntimeException failure) {
                reports.add(job + " failed: " + failure.getMessage());
            }

            @Override
            public void jobDone(String job, String summary) {
                reports.add(job + ": " + summary);
            }
        }));
        EventRuntime runtime = runtime(parts, new EventRuntime.Job("sweep", Duration.ofMillis(20), () -> {
            ranTwice.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("store down");
            }
            return Optional.of("swept");
        }));

        runtime.start();
        assertThat(ranTwice.await(10, TimeUnit.SECONDS)).isTrue();
        runtime.stop();

        assertThat(reports).startsWith("sweep failed: store down", "sweep: swept");
        assertThatThrownBy(runtime::start).isInstanceOf(IllegalStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
