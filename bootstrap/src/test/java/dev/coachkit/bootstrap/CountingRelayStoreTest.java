package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Dead;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Published;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Retry;
import dev.coachkit.application.events.port.out.OutboxRelayStore.Settlement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CountingRelayStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void each_settlement_of_a_committed_claim_is_counted_by_outcome() {
        CountingRelayStore store = new CountingRelayStore(claiming(false), meters);

        store.relay(50, batch -> List.of(new Published(UUID.randomUUID(), NOW), new Published(UUID.randomUUID(), NOW),
                new Retry(UUID.randomUUID(), NOW, "busy"), new Dead(UUID.randomUUID(), NOW, "poison")));

        assertThat(count("published")).isEqualTo(2);
        assertThat(count("retried")).isEqualTo(1);
        assertThat(count("dead")).isEqualTo(1);
    }

    @Test
    void a_claim_whose_transaction_failed_counts_nothing() {
        CountingRelayStore store = new CountingRelayStore(claiming(true), meters);

        assertThatThrownBy(() -> store.relay(50, batch -> List.of(new Published(UUID.randomUUID(), NOW))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count("published")).isZero();
    }

    private double count(String outcome) {
        return meters.get("coachkit.outbox.relayed").tag("outcome", outcome).counter().count();
    }

    /** Runs the publish step like the real store, then commits or fails to. */
    private static OutboxRelayStore claiming(boolean commitFails) {
        return new OutboxRelayStore() {
            @Override
            public int relay(int limit, Function<List<ClaimedEvent>, List<Settlement>> publish) {
                int settled = publish.apply(List.of()).size();
                if (commitFails) {
                    throw new IllegalStateException("connection lost at commit");
                }
                return settled;
            }

            @Override
            public OutboxStats stats() {
                return new OutboxStats(0, 0, Optional.empty());
            }
        };
    }
}
