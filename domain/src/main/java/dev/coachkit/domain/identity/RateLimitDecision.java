package dev.coachkit.domain.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one rate-limit check: allowed or not, how many requests remain, when the bucket
 * is full again ({@code reset}) and, when refused, how long to wait before a retry can succeed.
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, Duration reset, Duration retryAfter) {

    public RateLimitDecision {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (remaining < 0 || remaining > limit) {
            throw new IllegalArgumentException("remaining must be between 0 and the limit");
        }
    }
}
