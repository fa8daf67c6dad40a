package dev.coachkit.application.testing;

import dev.coachkit.application.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that starts at a fixed instant and moves one millisecond per reading: ordered, repeatable time. */
public final class TickingClock implements Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));

    @Override
    public Instant now() {
        return now.getAndUpdate(instant -> instant.plusMillis(1));
    }

    /** Jumps ahead, e.g. past an expiry. */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
