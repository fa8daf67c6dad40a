package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/** Token buckets per key in this process, forgetting a key once its bucket has refilled. */
public final class InMemoryRateLimiter implements RateLimiter {

    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    public InMemoryRateLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RateLimitDecision acquire(String key, RateLimit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        Instant now = clock.now();
        sweepIfDue(now);
        Bucket bucket = buckets.compute(key, (k, before) -> Bucket.take(before, now, limit));
        return new RateLimitDecision(bucket.allowed(), limit.capacity(), (int) Math.floor(bucket.tokens()),
                timeToRefill(limit.capacity() - bucket.tokens(), limit),
                bucket.allowed() ? Duration.ZERO : timeToRefill(1 - bucket.tokens(), limit));
    }

    /** How many keys are remembered; for tests of forgetting. */
    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        // removeIf on the values view removes an entry only while it still holds the tested value
        buckets.values().removeIf(bucket -> !now.isBefore(bucket.fullAt()));
    }

    /** Time to refill {@code tokens} units, rounded up to a nanosecond. */
    private static Duration timeToRefill(double tokens, RateLimit limit) {
        return Duration.ofNanos((long) Math.ceil(tokens * limit.window().toNanos() / limit.capacity()));
    }

    /** Tokens left at {@code at} after the last decision, which {@code allowed} tells; full again at {@code fullAt}. */
    private record Bucket(double tokens, Instant at, Instant fullAt, boolean allowed) {

        static Bucket take(Bucket before, Instant now, RateLimit limit) {
            double tokens = before == null ? limit.capacity() : before.tokensAt(now, limit);
            if (tokens < 1) {
                return new Bucket(tokens, now, before.fullAt(), false);
            }
            double left = tokens - 1;
            return new Bucket(left, now, now.plus(timeToRefill(limit.capacity() - left, limit)), true);
        }

        private double tokensAt(Instant now, RateLimit limit) {
            if (!now.isBefore(fullAt)) {
                return limit.capacity();
            }
            long elapsed = Math.max(0, Duration.between(at, now).toNanos());
            return Math.min(limit.capacity(), tokens + (double) elapsed * limit.capacity() / limit.window().toNanos());
        }
    }
}
