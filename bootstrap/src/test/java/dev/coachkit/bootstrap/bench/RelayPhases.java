package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.messaging.events.SqsEventConsumer;
import dev.coachkit.adapters.messaging.events.SqsEventPublisher;
import dev.coachkit.adapters.messaging.events.SqsQueues;
import dev.coachkit.adapters.messaging.events.SqsSettings;
import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.application.community.CommunityEventTypes;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventDispatcher;
import dev.coachkit.application.events.EventTypes;
import dev.coachkit.application.events.OutboxRelay;
import dev.coachkit.application.events.OutboxRelayWorker;
import dev.coachkit.application.events.RetryPolicy;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.events.port.out.OutboxRelayStore.OutboxStats;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.community.PostCreated;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The benchmark's phases on one database and SQS server: relay throughput, end-to-end latency under a steady rate. */
final class RelayPhases {

    static final int EVENTS_PER_FILL_TRANSACTION = 200;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration RECEIVE_WAIT = Duration.ofSeconds(1);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RECEIVES = 5;

    private final PostgresPersistence runtime;
    private final OutboxRelayStore relayStore;
    private final PostgresWorkerPersistence worker;
    private final SqsTestServer sqsServer;
    private final List<TenantId> tenants;
    private final Runnable emptyOutbox;
    private final AtomicLong sequence = new AtomicLong();

    /** {@code emptyOutbox} runs before each phase, so every phase starts from the same, empty table. */
    RelayPhases(PostgresPersistence runtime, PostgresWorkerPersistence worker, SqsTestServer sqsServer,
            List<TenantId> tenants, Runnable emptyOutbox) {
        this.emptyOutbox = emptyOutbox;
        this.runtime = runtime;
        this.worker = worker;
        this.relayStore = worker.outboxRelayStore();
        this.sqsServer = sqsServer;
        this.tenants = List.copyOf(tenants);
    }

    /** One throughput run: how fast {@code relays} threads empty an outbox of {@code events} into a fresh queue. */
    record Throughput(int relays, int events, long claimed, long pendingAfter, long deadAfter, long queued,
            double seconds, double publishSeconds, double fillSeconds) {

        /** The share of the relay threads' time spent in SendMessageBatch calls; the rest is PostgreSQL and the relay. */
        double publishShare() {
            return publishSeconds / (seconds * relays);
        }

        double eventsPerSecond() {
            return claimed / seconds;
        }

        boolean complete() {
            return claimed == events && pendingAfter == 0 && deadAfter == 0 && queued == events;
        }

        @Override
        public String toString() {
            return String.format("%d relay(s): %,d of %,d events in %.2f s = %,.0f events/s, %.0f%% of it in SQS"
                    + " calls (filled in %.1f s; pending after %d, dead %d, in queue %d)", relays, claimed, events,
                    seconds, eventsPerSecond(), publishShare() * 100, fillSeconds, pendingAfter, deadAfter, queued);
        }
    }

    /**
     * Latencies (sorted, nanoseconds) of the events produced at {@code rate} for {@code seconds}: commit to handled
     * (end to end), and commit to accepted by SQS (the relay's part).
     */
    record Latency(int rate, int seconds, int produced, double achievedRate, long[] endToEnd, long[] toQueue,
            int relayFailures) {

        int handled() {
            return endToEnd.length;
        }

        /** Nearest-rank percentile in milliseconds; NaN when there is none. */
        static double percentileMillis(long[] sortedNanos, double percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100 * sortedNanos.length);
            return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%,d produced at %.1f/s (asked %d/s), %,d handled; end to end p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms; commit to SQS p50 %.1f ms, p99 %.1f ms; relay failures %d", produced, achievedRate,
                    rate, handled(), percentileMillis(endToEnd, 50), percentileMillis(endToEnd, 99),
                    percentileMillis(endToEnd, 100), percentileMillis(toQueue, 50), percentileMillis(toQueue, 99),
                    relayFailures);
        }
    }

    Throughput throughput(int relays, int events) throws InterruptedException {
        try (SqsClient sqs = sqsServer.client()) {
            String queueUrl = SqsQueues.ensure(sqs, SqsTestServer.uniqueQueueName("bench-throughput", false),
                    MAX_RECEIVES);
            emptyOutbox.run();
            long fillStart = System.nanoTime();
            fill(events);
            double fillSeconds = secondsSince(fillStart);
            TimedPublisher publisher = new TimedPublisher(new SqsEventPublisher(sqs, queueUrl), null);
            OutboxRelay relay = relay(publisher);
            AtomicLong claimed = new AtomicLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < relays; i++) {
                threads.add(start("bench-relay-" + i, () -> {
                    awaitQuietly(go);
                    for (int batch = relay.relayBatch(); batch > 0; batch = relay.relayBatch()) {
                        claimed.addAndGet(batch);
                    }
                }));
            }
            long started = System.nanoTime();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = secondsSince(started);
            OutboxStats stats = relayStore.stats();
            long queued = Long.parseLong(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            sqs.deleteQueue(request -> request.queueUrl(queueUrl)); // frees the server's memory between runs
            return new Throughput(relays, events, claimed.get(), stats.pending(), stats.dead(), queued, seconds,
                    publisher.nanos.get() / 1e9, fillSeconds);
        }
    }

    Latency latency(int rate, int seconds) throws InterruptedException {
        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        Map<UUID, Long> handled = new ConcurrentHashMap<>();
        Map<UUID, Long> accepted = new ConcurrentHashMap<>();
        EventDispatcher dispatcher = new EventDispatcher(runtime.unitOfWork(), runtime.processedEvents(),
                new EventTypes(CommunityEventTypes.all()), List.of(EFFECT_ONLY));
        HandleEventUseCase handler = event -> {
            dispatcher.handle(event); // the effect (a processed_events row) is committed when this returns
            handled.putIfAbsent(event.id(), System.nanoTime());
        };
        AtomicInteger relayFailures = new AtomicInteger();
        emptyOutbox.run();
        try (SqsClient publishing = sqsServer.client(); SqsClient consuming = sqsServer.client()) {
            String queueUrl = SqsQueues.ensure(publishing, SqsTestServer.uniqueQueueName("bench-latency", false),
                    MAX_RECEIVES);
            OutboxRelay relay = relay(new TimedPublisher(new SqsEventPublisher(publishing, queueUrl), accepted));
            OutboxRelayWorker relayWorker = new OutboxRelayWorker(relay, worker.outboxSignal(), POLL_INTERVAL,
                    failure -> {
                        relayFailures.incrementAndGet();
                        System.err.println("relay round failed: " + failure);
                    });
            SqsEventConsumer consumer = new SqsEventConsumer(consuming,
                    new SqsSettings(queueUrl, RECEIVE_WAIT, SqsSettings.DEFAULT_VISIBILITY_TIMEOUT), handler);
            Thread relayThread = start("bench-relay-worker", relayWorker);
            Thread consumerThread = start("bench-consumer", consumer);
            try {
                produce(rate, 1, committed); // warm-up second, not counted
                awaitHandled(committed, handled);
                committed.clear();
                handled.clear();
                accepted.clear();
                relayFailures.set(0);
                double produceSeconds = produce(rate, seconds, committed);
                awaitHandled(committed, handled);
                return new Latency(rate, seconds, committed.size(), committed.size() / produceSeconds,
                        sortedLatencies(committed, handled), sortedLatencies(committed, accepted), relayFailures.get());
            } finally {
                relayWorker.stop();
                consumer.close();
                relayThread.join(POLL_INTERVAL.multipliedBy(5).toMillis());
                consumerThread.join(RECEIVE_WAIT.multipliedBy(5).toMillis());
            }
        }
    }

    /** Records {@code rate * seconds} events, each in its own unit of work, on a fixed schedule; returns the seconds. */
    private double produce(int rate, int seconds, Map<UUID, Long> committed) {
        int total = rate * seconds;
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = started + i * 1_000_000_000L / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            TenantId tenant = tenants.get(i % tenants.size());
            EventEnvelope event = event(tenant);
            runtime.unitOfWork().runInTenant(tenant, () -> runtime.eventOutbox().record(event));
            committed.put(event.id(), System.nanoTime());
        }
        return secondsSince(started);
    }

    private static long[] sortedLatencies(Map<UUID, Long> from, Map<UUID, Long> to) {
        long[] latencies = from.entrySet().stream()
                .filter(entry -> to.containsKey(entry.getKey()))
                .mapToLong(entry -> to.get(entry.getKey()) - entry.getValue())
                .toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    private void awaitHandled(Map<UUID, Long> committed, Map<UUID, Long> handled) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !handled.keySet().containsAll(committed.keySet())) {
            Thread.sleep(20);
        }
    }

    /** Records {@code events} round-robin over the tenants, {@link #EVENTS_PER_FILL_TRANSACTION} per unit of work. */
    private void fill(int events) {
        for (int done = 0, batch = 0; done < events; batch++) {
            TenantId tenant = tenants.get(batch % tenants.size());
            int size = Math.min(EVENTS_PER_FILL_TRANSACTION, events - done);
            runtime.unitOfWork().runInTenant(tenant, () -> {
                for (int i = 0; i < size; i++) {
                    runtime.eventOutbox().record(event(tenant));
                }
            });
            done += size;
        }
    }

    private OutboxRelay relay(EventPublisher publisher) {
        return new OutboxRelay(relayStore, publisher, RetryPolicy.defaults(), Clock.system(),
                (event, attempts, error) -> System.err.println("parked " + event.id() + ": " + error));
    }

    /** A small, typical event: a post created, with a title. */
    private EventEnvelope event(TenantId tenant) {
        long number = sequence.incrementAndGet();
        return new EventEnvelope(UUID.randomUUID(), "post.created", 1, tenant, "post", UUID.randomUUID(), Instant.now(),
                Map.of("spaceId", UUID.randomUUID().toString(), "authorId", UUID.randomUUID().toString(),
                        "type", "TEXT", "title", "Benchmark post " + number, "sequence", number));
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setUncaughtExceptionHandler((t, failure) -> System.err.println(t.getName() + " failed: " + failure));
        thread.start();
        return thread;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Times the publisher's calls and, when given a map, notes when SQS accepted each event. */
    private static final class TimedPublisher implements EventPublisher {

        private final EventPublisher publisher;
        private final Map<UUID, Long> accepted;
        private final AtomicLong nanos = new AtomicLong();

        TimedPublisher(EventPublisher publisher, Map<UUID, Long> accepted) {
            this.publisher = publisher;
            this.accepted = accepted;
        }

        @Override
        public PublishResult publish(List<EventEnvelope> events) {
            long started = System.nanoTime();
            PublishResult result = publisher.publish(events);
            long now = System.nanoTime();
            nanos.addAndGet(now - started);
            if (accepted != null) {
                events.stream().filter(event -> !result.failed(event.id()))
                        .forEach(event -> accepted.putIfAbsent(event.id(), now));
            }
            return result;
        }
    }

    /** A consumer whose only effect is the dispatcher's processed_events row: the handler path without business work. */
    private static final EventConsumer<PostCreated> EFFECT_ONLY =
            EventConsumer.of("bench-latency", PostCreated.class, event -> { });
}
