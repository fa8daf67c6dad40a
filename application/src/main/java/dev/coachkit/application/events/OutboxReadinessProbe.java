package dev.coachkit.application.events;

import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore.OutboxStats;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.time.Duration;

/**
 * The relay's lag: down when the oldest unpublished event waits longer than {@code maxLag} (the relay
 * is stuck or the queue unreachable); the detail reports pending and dead counts either way.
 */
public final class OutboxReadinessProbe implements ReadinessProbe {

    private final OutboxRelayStore store;
    private final Clock clock;
    private final Duration maxLag;
    private volatile String detail = "ok";

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
    public void check() {
        OutboxStats stats = store.stats();
        long lagSeconds = stats.oldestPendingRecordedAt()
                .map(oldest -> Math.max(0, Duration.between(oldest, clock.now()).toSeconds())).orElse(0L);
        detail = "pending=" + stats.pending() + " dead=" + stats.dead() + " oldestPendingSeconds=" + lagSeconds;
        if (lagSeconds > maxLag.toSeconds()) {
            throw new IllegalStateException("relay lagging: " + detail);
        }
    }

    @Override
    public String detail() {
        return detail;
    }
}
