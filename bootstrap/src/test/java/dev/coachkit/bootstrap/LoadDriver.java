package dev.coachkit.bootstrap;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Puts a {@link MixedWorkload} on the server in one of two ways. A closed loop — a fixed number of clients, each
 * sending its next request when the last is answered — finds the most the server answers per second. An open
 * loop sends at a fixed rate whatever the answers take, as independent users do; a request whose time comes while
 * every sender still waits for an answer is not sent but counted, so a slow server cannot quietly lower the rate.
 */
final class LoadDriver {

    /** How long the senders may take to finish the requests in flight when a phase ends. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private LoadDriver() {}

    static LoadTally closedLoop(MixedWorkload workload, int clients, Duration duration) {
        LoadTally tally = new LoadTally();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int client = 0; client < clients; client++) {
            senders.execute(() -> {
                while (System.nanoTime() < deadline) {
                    send(workload, tally);
                }
            });
        }
        drain(senders);
        tally.finish(System.nanoTime() - started);
        return tally;
    }

    /** Sends {@code perSecond} requests a second for {@code duration} from at most {@code senders} threads. */
    static LoadTally openLoop(MixedWorkload workload, double perSecond, Duration duration, int senderCount) {
        LoadTally tally = new LoadTally();
        ThreadPoolExecutor senders = new ThreadPoolExecutor(senderCount, senderCount, 0, TimeUnit.SECONDS,
                new SynchronousQueue<>()); // a hand-off: taken by an idle sender or refused, never queued
        senders.prestartAllCoreThreads();
        long interval = (long) (1e9 / perSecond);
        long requests = duration.toNanos() / interval;
        long started = System.nanoTime();
        for (long request = 0; request < requests; request++) {
            long due = started + request * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            try {
                senders.execute(() -> send(workload, tally));
            } catch (RejectedExecutionException everySenderBusy) {
                tally.notSentOnTime();
            }
        }
        drain(senders);
        tally.finish(System.nanoTime() - started);
        return tally;
    }

    /** Makes one request; a fault of the driver itself is counted as such, so that no sender dies unnoticed. */
    private static void send(MixedWorkload workload, LoadTally tally) {
        try {
            tally.add(workload.next());
        } catch (RuntimeException | AssertionError fault) {
            tally.driverFault(fault);
        }
    }

    private static void drain(ExecutorService senders) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                senders.shutdownNow();
                throw new AssertionError("requests still unanswered " + DRAIN + " after the load stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
