package dev.coachkit.application.events;

import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore.OutboxStats;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.time.Duration;

/**
 * The relay's lag, registered where a relay runs: down when the oldest event never yet attempted
 * waits longer than {@code maxLag} (the relay is stuck); events waiting out a retry do not count.
 * The detail reports pending and dead counts either way.
 */
public final class OutboxReadinessProbe implements ReadinessProbe {

    private final OutboxRelayStore store;
    private final Clock clock;
    private final Duration maxLag;

    public OutboxReadinessProbe(OutboxRelayStore store, Clock clock, Duration maxLag) {
        this.store = store;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public String check() {
        OutboxStats stats = store.stats();
        long lagSeconds = stats.oldestUnattemptedRecordedAt()
                .map(oldest -> Math.max(0, Duration.between(oldest, clock.now()).toSeconds())).orElse(0L);
        String detail = "pending=" + stats.pending() + " dead=" + stats.dead() + " oldestPendingSeconds=" + lagSeconds;
        if (lagSeconds > maxLag.toSeconds()) {
            throw new IllegalStateException("relay lagging: " + detail);
        }
        return detail;
    }
}
