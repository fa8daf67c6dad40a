package dev.coachkit.application.events;

import dev.coachkit.application.events.port.out.OutboxSignal;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The relay loop: relays every due event, then waits for the commit signal or the poll interval,
 * whichever comes first. A failing round is reported and retried after the interval; the loop ends
 * when {@link #stop()} is called.
 */
public final class OutboxRelayWorker implements Runnable {

    private final OutboxRelay relay;
    private final OutboxSignal signal;
    private final Duration pollInterval;
    private final Consumer<RuntimeException> failures;
    private volatile boolean running = true;

    public OutboxRelayWorker(OutboxRelay relay, OutboxSignal signal, Duration pollInterval,
            Consumer<RuntimeException> failures) {
        this.relay = relay;
        this.signal = signal;
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.failures = failures;
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    relay.relayAllDue();
                    signal.awaitEvents(pollInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException failure) {
                    failures.accept(failure);
                    pause();
                }
            }
        } finally {
            signal.close();
        }
    }

    /** Ends the loop after the batch in hand; the caller joins the thread. */
    public void stop() {
        running = false;
        signal.close();
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
