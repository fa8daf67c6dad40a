package dev.coachkit.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Expiry and purging of {@link InMemoryTokenDenylist} on a clock the test moves. */
class InMemoryTokenDenylistTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemoryTokenDenylist denylist = new InMemoryTokenDenylist(now::get);

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Test
    void denial_holds_until_the_instant_it_was_given() {
        denylist.deny("jti-1", now.get().plus(Duration.ofMinutes(15)));

        advance(Duration.ofMinutes(15).minusNanos(1));
        assertThat(denylist.isDenied("jti-1")).isTrue();
        advance(Duration.ofNanos(1));
        assertThat(denylist.isDenied("jti-1")).isFalse();
    }

    @Test
    void expired_entries_are_purged_when_another_token_is_denied() {
        denylist.deny("jti-1", now.get().plus(Duration.ofMinutes(15)));
        denylist.deny("jti-2", now.get().plus(Duration.ofMinutes(30)));
        advance(Duration.ofMinutes(20));

        denylist.deny("jti-3", now.get().plus(Duration.ofMinutes(15)));

        assertThat(denylist.size()).isEqualTo(2);
    }

    @Test
    void denial_already_expired_is_not_stored() {
        denylist.deny("jti-1", now.get());

        assertThat(denylist.size()).isZero();
    }
}
