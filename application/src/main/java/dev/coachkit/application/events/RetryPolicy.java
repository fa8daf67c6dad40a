package dev.coachkit.application.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Exponential backoff per event — base, doubled per failed attempt, capped — and when to give up. */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxAttempts ≥ 1 and 0 < baseDelay ≤ maxDelay");
        }
    }

    /** 10 attempts from 1 s doubling (capped at 5 minutes): about 8.5 minutes before an event is parked. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay);
    }

    /** True when the failure that made {@code attempts} failed attempts so far should park the event. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** When to try again after the {@code attempts}-th failure (1-based). */
    public Instant nextAttempt(int attempts, Instant now) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
