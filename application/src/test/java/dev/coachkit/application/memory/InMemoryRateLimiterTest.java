package dev.coachkit.application.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Exact token-bucket arithmetic of {@link InMemoryRateLimiter} on a clock the test moves. */
class InMemoryRateLimiterTest {

    /** 10 per second: one token every 100 ms. */
    private static final RateLimit TEN_PER_SECOND = new RateLimit(10, Duration.ofSeconds(1));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter(clock);

    private void drain(String key) {
        for (int i = 0; i < 10; i++) {
            assertThat(rateLimiter.acquire(key, TEN_PER_SECOND).allowed()).isTrue();
        }
    }

    @Test
    void first_acquire_leaves_capacity_minus_one_and_refills_in_one_interval() {
        RateLimitDecision decision = rateLimiter.acquire("ip:1", TEN_PER_SECOND);

        assertThat(decision).isEqualTo(new RateLimitDecision(true, 10, 9, Duration.ofMillis(100), Duration.ZERO));
    }

    @Test
    void drained_bucket_refuses_until_the_next_token_is_due() {
        drain("ip:1");

        RateLimitDecision refused = rateLimiter.acquire("ip:1", TEN_PER_SECOND);

        assertThat(refused)
                .isEqualTo(new RateLimitDecision(false, 10, 0, Duration.ofSeconds(1), Duration.ofMillis(100)));
    }

    @Test
    void tokens_refill_evenly_and_partial_tokens_shorten_the_retry_after() {
        drain("ip:1");
        clock.advance(Duration.ofMillis(250)); // 2.5 tokens back

        RateLimitDecision first = rateLimiter.acquire("ip:1", TEN_PER_SECOND);
        RateLimitDecision second = rateLimiter.acquire("ip:1", TEN_PER_SECOND);
        RateLimitDecision third = rateLimiter.acquire("ip:1", TEN_PER_SECOND);

        assertThat(first).isEqualTo(new RateLimitDecision(true, 10, 1, Duration.ofMillis(850), Duration.ZERO));
        assertThat(second).isEqualTo(new RateLimitDecision(true, 10, 0, Duration.ofMillis(950), Duration.ZERO));
        assertThat(third).isEqualTo(new RateLimitDecision(false, 10, 0, Duration.ofMillis(950), Duration.ofMillis(50)));
    }

    @Test
    void refused_acquire_takes_nothing() {
        drain("ip:1");
        rateLimiter.acquire("ip:1", TEN_PER_SECOND);
        rateLimiter.acquire("ip:1", TEN_PER_SECOND);
        clock.advance(Duration.ofMillis(100));

        assertThat(rateLimiter.acquire("ip:1", TEN_PER_SECOND).allowed()).isTrue();
    }

    @Test
    void bucket_never_fills_beyond_capacity() {
        rateLimiter.acquire("ip:1", TEN_PER_SECOND);
        clock.advance(Duration.ofHours(1));

        assertThat(rateLimiter.acquire("ip:1", TEN_PER_SECOND).remaining()).isEqualTo(9);
    }

    @Test
    void keys_idle_until_their_bucket_is_full_are_forgotten() {
        drain("ip:1");
        rateLimiter.acquire("ip:2", TEN_PER_SECOND);
        clock.advance(Duration.ofSeconds(2)); // both full again, and a sweep is due

        rateLimiter.acquire("ip:3", TEN_PER_SECOND);

        assertThat(rateLimiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void keys_still_refilling_survive_a_sweep() {
        rateLimiter.acquire("ip:0", TEN_PER_SECOND); // sweeps now, next sweep due in 1 s
        clock.advance(Duration.ofMillis(900));
        drain("ip:1"); // full again only 1 s from here
        clock.advance(Duration.ofMillis(200));

        rateLimiter.acquire("ip:2", TEN_PER_SECOND); // sweeps: ip:0 is full, ip:1 is not

        assertThat(rateLimiter.trackedKeys()).isEqualTo(2);
        assertThat(rateLimiter.acquire("ip:1", TEN_PER_SECOND).remaining()).isEqualTo(1);
    }

    /** A clock that only moves when told. */
    private static final class ManualClock implements Clock {

        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}
