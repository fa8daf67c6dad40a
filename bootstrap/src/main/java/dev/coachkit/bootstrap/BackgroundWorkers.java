package dev.coachkit.bootstrap;

import dev.coachkit.application.events.MaintenanceJobs;
import dev.coachkit.application.events.OutboxRelay;
import dev.coachkit.application.events.OutboxRelayWorker;
import dev.coachkit.application.events.RetryPolicy;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import dev.coachkit.application.media.port.in.CleanUpExpiredUploadsUseCase;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.scheduling.SessionReminders;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The background workers of one process, each on its own thread: the outbox relay (woken by commits,
 * polling as a fallback), the scheduler's maintenance, and the queue consumer when events travel
 * through SQS. Closing stops each after the work in hand.
 */
final class BackgroundWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final List<Runnable> stops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** Runs the outbox relay until closed. */
    void startRelay(OutboxRelayStore store, OutboxSignal signal, EventPublisher publisher, RetryPolicy retries,
            Clock clock, Duration pollInterval) {
        OutboxRelay relay = new OutboxRelay(store, publisher, retries, clock, (event, attempts, error) -> {
            try (MDC.MDCCloseable tenant = MDC.putCloseable("tenantId", event.tenantId().value().toString());
                    MDC.MDCCloseable id = MDC.putCloseable("eventId", event.id().toString())) {
                LOG.error("outbox event {} ({}, tenant {}) parked as dead after {} attempts: {}", event.id(),
                        event.type(), event.tenantId(), attempts, error);
            }
        });
        OutboxRelayWorker worker = new OutboxRelayWorker(relay, signal, pollInterval,
                failure -> LOG.warn("outbox relay round failed, retrying: {}", failure.toString()));
        start("outbox-relay", worker, worker::stop);
    }

    /** Runs maintenance every {@code interval}; a failed run is logged and the next one tries again. */
    void startScheduler(MaintenanceStore store, Clock clock, Duration interval) {
        MaintenanceJobs jobs = new MaintenanceJobs(store, clock);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scheduler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                MaintenanceJobs.Report report = jobs.runOnce();
                LOG.info("maintenance deleted {}", report);
            } catch (RuntimeException failure) {
                LOG.warn("maintenance failed: {}", failure.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        stops.add(() -> {
            scheduler.shutdown();
            awaitQuietly(scheduler);
        });
    }

    /** Discards expired media uploads and fails stalled processing every {@code interval}, beside maintenance. */
    void startUploadCleanup(CleanUpExpiredUploadsUseCase cleanup, Duration interval) {
        startPeriodic("scheduler-uploads", interval, "expired upload cleanup", () -> {
            CleanUpExpiredUploadsUseCase.Sweep sweep = cleanup.cleanUpExpiredUploads();
            if (sweep.discardedUploads() > 0 || sweep.failedProcessing() > 0) {
                LOG.info("discarded {} expired media uploads, failed {} stalled in processing",
                        sweep.discardedUploads(), sweep.failedProcessing());
            }
            if (sweep.clearedStaging() > 0) {
                LOG.debug("cleared the staging keys of {} finalized or cancelled media uploads", sweep.clearedStaging());
            }
        });
    }

    /**
     * Sends due session reminders every {@code interval}, beside maintenance in the scheduler; a failed
     * run is logged and the next one picks the same reminders up again.
     */
    void startReminders(SessionReminders reminders, Duration interval) {
        startPeriodic("scheduler-reminders", interval, "session reminders", () -> {
            int sent = reminders.runOnce();
            if (sent > 0) {
                LOG.info("recorded {} session reminder(s)", sent);
            }
        });
    }

    /** Runs {@code job} every {@code interval} on its own thread; a failed run is logged and retried next time. */
    private void startPeriodic(String threadName, Duration interval, String jobName, Runnable job) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException failure) {
                LOG.warn("{} failed: {}", jobName, failure.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        stops.add(() -> {
            scheduler.shutdown();
            awaitQuietly(scheduler);
        });
    }

    /** Runs a loop that ends when {@code stop} is called (e.g. the SQS consumer). */
    void start(String name, Runnable loop, Runnable stop) {
        Thread thread = new Thread(loop, name);
        thread.start();
        threads.add(thread);
        stops.add(stop);
    }

    /**
     * Stops every worker after the work in hand. The stops run side by side, since each may wait for
     * something of its own (a claimed batch, the consumer's long poll, a running job), so the process
     * needs the longest of those waits, not their sum.
     */
    @Override
    public void close() {
        List<Thread> stopping = stops.stream().map(stop -> new Thread(stop, "stopping-worker")).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join(); // each stop bounds its own wait
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitQuietly(ScheduledExecutorService scheduler) {
        try {
            scheduler.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
