package dev.coachkit.application.events;

import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.events.port.out.EventSubscription;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What runs in the background of a core, for the adapters it was given: the outbox relay (when this
 * process has a relay store), publishing to the configured {@link EventPublisher} or, by default,
 * dispatching in-process to the core's consumers; the scheduler's jobs (when it has their stores);
 * and the inbound {@link EventSubscription}s (queue consumers). {@code CoachKit.start()} starts it and
 * {@code CoachKit.stop()} stops it after the work in hand; {@link #drain()} relays synchronously, for
 * tests and hosts that want no background threads.
 */
public final class EventRuntime {

    /** How long stopping waits for a loop beyond its own stop. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private enum State { NEW, RUNNING, STOPPED }

    private final Parts parts;
    private final HandleEventUseCase handler;
    private final Clock clock;
    private final List<Job> jobs;
    private final EventPublisher publisher;
    private List<Loop> loops = List.of();
    private State state = State.NEW;

    /** Assembled by the core from the parts its builder collected, its handler, clock and scheduled jobs. */
    public EventRuntime(Parts parts, HandleEventUseCase handler, Clock clock, List<Job> jobs) {
        this.parts = parts.copy();
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jobs = List.copyOf(jobs);
        this.publisher = parts.publisher != null ? parts.publisher
                : new InProcessEventPublisher(handler, parts.settings.monitor());
    }

    /** A job the scheduler runs every {@code interval}; it answers what to report, if anything. */
    public record Job(String name, Duration interval, Supplier<Optional<String>> run) {
        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(run, "run");
        }
    }

    /**
     * Starts the relay loop, the scheduled jobs and the subscriptions this process has; does nothing
     * when already running. A stopped runtime does not start again.
     */
    public synchronized void start() {
        if (state == State.RUNNING) {
            return;
        }
        if (state == State.STOPPED) {
            throw new IllegalStateException("a stopped event runtime cannot start again; build a new core");
        }
        List<Loop> started = new ArrayList<>();
        RuntimeMonitor monitor = parts.settings.monitor();
        if (parts.relayStore != null) {
            OutboxRelayWorker worker = new OutboxRelayWorker(relay(publisher), parts.relaySignal,
                    parts.settings.relayPollInterval(), monitor::relayFailed);
            started.add(new Loop("outbox-relay", worker, worker::stop));
        }
        for (Job job : jobs) {
            started.add(Loop.periodic(job, monitor));
        }
        int n = 0;
        for (EventSubscription subscription : parts.subscriptions) {
            started.add(new Loop("event-subscription-" + ++n, () -> subscription.receive(handler::handle), subscription::close));
        }
        List<Loop> running = new ArrayList<>();
        try {
            for (Loop loop : started) {
                loop.start(parts.settings);
                running.add(loop);
            }
        } finally {
            loops = List.copyOf(running);
            state = State.RUNNING;
            if (running.size() < started.size()) {
                stop(); // the host's executor refused a loop: stop the ones it took, then report why
            }
        }
    }

    /**
     * Stops every loop after the work in hand (a claimed batch is published and settled, a running job
     * finishes, a consumer handles what it received), side by side so the wait is the longest of them.
     */
    public void stop() {
        List<Loop> stopping;
        synchronized (this) {
            stopping = state == State.RUNNING ? loops : List.of();
            state = State.STOPPED;
        }
        List<Thread> stops = stopping.stream()
                .map(loop -> new Thread(loop.stop, "coachkit-stopping-" + loop.name)).toList();
        stops.forEach(Thread::start);
        try {
            for (Thread stop : stops) {
                stop.join(); // each stop bounds its own wait
            }
            for (Loop loop : stopping) {
                loop.finished.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Relays every due event through the publisher (in-process: to the consumers) on the calling
     * thread, again and again until none is due, and returns how many were delivered. Events whose
     * delivery failed wait out their retry and are not counted. Needs a relay store.
     */
    public int drain() {
        if (parts.relayStore == null) {
            throw new IllegalStateException("this core has no outbox relay store to drain; give the builder one"
                    + " with relay(store, signal), or use withInMemoryAdapters()");
        }
        AtomicInteger delivered = new AtomicInteger();
        OutboxRelay relay = relay(events -> {
            EventPublisher.PublishResult result = publisher.publish(events);
            delivered.addAndGet(events.size() - result.failures().size());
            return result;
        });
        while (relay.relayAllDue() > 0) {
            // consumers may have recorded further events: relay those too
        }
        return delivered.get();
    }

    /** True when this process relays the outbox. */
    public boolean relays() {
        return parts.relayStore != null;
    }

    private OutboxRelay relay(EventPublisher to) {
        return new OutboxRelay(parts.relayStore, to, parts.settings.retries(), clock, parts.settings.monitor()::deadEvent);
    }

    /**
     * The runtime's parts, collected by the builder: which loops this process runs is which parts it
     * was given. Every part is optional; without a publisher the relay dispatches in-process.
     */
    public static final class Parts {
        private OutboxRelayStore relayStore;
        private OutboxSignal relaySignal;
        private EventPublisher publisher;
        private final List<EventSubscription> subscriptions = new ArrayList<>();
        private MaintenanceStore maintenance;
        private DueReminders dueReminders;
        private RuntimeSettings settings = RuntimeSettings.defaults();

        public void relay(OutboxRelayStore store, OutboxSignal signal) {
            this.relayStore = Objects.requireNonNull(store, "store");
            this.relaySignal = Objects.requireNonNull(signal, "signal");
        }

        public void publisher(EventPublisher publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
        }

        public void subscription(EventSubscription subscription) {
            subscriptions.add(Objects.requireNonNull(subscription, "subscription"));
        }

        public void scheduler(MaintenanceStore maintenance, DueReminders dueReminders) {
            this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
            this.dueReminders = Objects.requireNonNull(dueReminders, "dueReminders");
        }

        public void settings(RuntimeSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public boolean hasRelay() {
            return relayStore != null;
        }

        public boolean hasScheduler() {
            return maintenance != null;
        }

        public Optional<MaintenanceStore> maintenance() {
            return Optional.ofNullable(maintenance);
        }

        public Optional<DueReminders> dueReminders() {
            return Optional.ofNullable(dueReminders);
        }

        public RuntimeSettings settings() {
            return settings;
        }

        private Parts copy() {
            Parts copy = new Parts();
            copy.relayStore = relayStore;
            copy.relaySignal = relaySignal;
            copy.publisher = publisher;
            copy.subscriptions.addAll(subscriptions);
            copy.maintenance = maintenance;
            copy.dueReminders = dueReminders;
            copy.settings = settings;
            return copy;
        }
    }

    /** One background loop: its body, how to stop it, and when it has finished. */
    private static final class Loop {
        private final String name;
        private final Runnable body;
        private final Runnable stop;
        private final CountDownLatch finished = new CountDownLatch(1);

        Loop(String name, Runnable body, Runnable stop) {
            this.name = name;
            this.body = body;
            this.stop = stop;
        }

        /** Runs the job at once, then every interval after the previous run ended; a failed run is reported. */
        static Loop periodic(Job job, RuntimeMonitor monitor) {
            CountDownLatch stopped = new CountDownLatch(1);
            return new Loop(job.name(), () -> {
                do {
                    try {
                        job.run().get().ifPresent(summary -> monitor.jobDone(job.name(), summary));
                    } catch (RuntimeException failure) {
                        monitor.jobFailed(job.name(), failure);
                    }
                } while (!awaitStop(stopped, job.interval()));
            }, stopped::countDown);
        }

        void start(RuntimeSettings settings) {
            Runnable run = () -> {
                try {
                    body.run();
                } finally {
                    finished.countDown();
                }
            };
            if (settings.executor() != null) {
                settings.executor().execute(run);
            } else {
                Thread thread = new Thread(run, "coachkit-" + name);
                thread.setDaemon(true); // a host that never stops the core can still exit; stop() joins it
                thread.start();
            }
        }

        private static boolean awaitStop(CountDownLatch stopped, Duration interval) {
            try {
                return stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }
}
