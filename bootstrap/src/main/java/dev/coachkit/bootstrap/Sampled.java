package dev.coachkit.bootstrap;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A reading taken at most once per {@code maxAge}: a Prometheus scrape evaluates each gauge separately, and
 * the gauges of one reading (pending, dead, age) must cost one query per scrape, not one each. A failed
 * reading is empty, so the gauges show NaN rather than failing the whole scrape.
 */
final class Sampled<T> {

    private final Supplier<T> reading;
    private final long maxAgeNanos;
    private Optional<T> last = Optional.empty();
    private long takenAt;
    private boolean taken;

    Sampled(Supplier<T> reading, Duration maxAge) {
        this.reading = reading;
        this.maxAgeNanos = maxAge.toNanos();
    }

    synchronized Optional<T> get() {
        long now = System.nanoTime();
        if (!taken || now - takenAt >= maxAgeNanos) {
            last = read();
            takenAt = now;
            taken = true;
        }
        return last;
    }

    private Optional<T> read() {
        try {
            return Optional.of(reading.get());
        } catch (RuntimeException unavailable) {
            return Optional.empty(); // /ready reports and logs why; a metric has no place for the reason
        }
    }
}
