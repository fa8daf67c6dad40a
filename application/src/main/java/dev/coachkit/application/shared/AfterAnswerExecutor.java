package dev.coachkit.application.shared;

import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs work that must not delay or shape an answer (the audit entry of a failed sign-in, whose cost would
 * tell that the e-mail has an account) on one daemon thread, in order. Nothing is dropped: when its queue
 * is full, or once it is closed, the caller runs the work itself. A failure is logged, not thrown at a
 * thread nobody watches. Closing it waits a few seconds for the queued work.
 */
public final class AfterAnswerExecutor implements Executor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AfterAnswerExecutor.class.getName());
    private static final int QUEUED = 1024;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED), work -> {
                Thread thread = new Thread(work, "coachkit-after-answer");
                thread.setDaemon(true);
                return thread;
            }, (work, full) -> work.run());

    @Override
    public void execute(Runnable work) {
        pool.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "work done after an answer failed", failure);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
