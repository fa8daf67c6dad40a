package dev.coachkit.domain.identity;

import java.time.Duration;
import java.util.Objects;

/** At most {@code capacity} requests per {@code window}, refilled evenly (token bucket). */
public record RateLimit(int capacity, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** Time for one unit to refill. */
    public Duration refillInterval() {
        return window.dividedBy(capacity);
    }
}
