package dev.coachkit.bootstrap;

import dev.coachkit.application.events.port.out.OutboxRelayStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Counts what the relay made of each event into {@code coachkit_outbox_relayed_total{outcome}}: published,
 * retried or dead. Counted only once the claim's transaction committed, so a rolled-back batch counts nothing.
 */
final class CountingRelayStore implements OutboxRelayStore {

    private final OutboxRelayStore store;
    private final Counter published;
    private final Counter retried;
    private final Counter dead;

    CountingRelayStore(OutboxRelayStore store, MeterRegistry meters) {
        this.store = store;
        this.published = counter(meters, "published");
        this.retried = counter(meters, "retried");
        this.dead = counter(meters, "dead");
    }

    @Override
    public int relay(int limit, Function<List<ClaimedEvent>, List<Settlement>> publish) {
        List<Settlement> settled = new ArrayList<>();
        int claimed = store.relay(limit, batch -> {
            List<Settlement> settlements = publish.apply(batch);
            settled.addAll(settlements);
            return settlements;
        });
        for (Settlement settlement : settled) {
            counterOf(settlement).increment();
        }
        return claimed;
    }

    private Counter counterOf(Settlement settlement) {
        if (settlement instanceof Published) {
            return published;
        }
        return settlement instanceof Retry ? retried : dead;
    }

    @Override
    public OutboxStats stats() {
        return store.stats();
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("coachkit.outbox.relayed")
                .description("Outbox events the relay settled, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
