package dev.coachkit.application.events.port.out;

import java.time.Duration;

/** Wakes the relay when events are committed (PostgreSQL LISTEN/NOTIFY); the relay also polls. */
public interface OutboxSignal extends AutoCloseable {

    /** Waits until new events may be due or the timeout passes; true when signalled. */
    boolean awaitEvents(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
