package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls for what background work makes true (relayed events, a reconnect), failing after a budget. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {}

    static void until(BooleanSupplier condition, Duration budget, String what) {
        Instant deadline = Instant.now().plus(budget);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("timed out after %s waiting for %s", budget, what).isBefore(deadline);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
