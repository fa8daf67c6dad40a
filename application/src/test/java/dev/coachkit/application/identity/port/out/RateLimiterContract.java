package dev.coachkit.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} adapter guarantees. Keys are unique per test, since a real store
 * may be shared with other runs; timing is only ever awaited with a deadline, never asserted.
 */
public abstract class RateLimiterContract {

    /** Long enough that nothing refills while a test runs; short, so keys left in a shared store soon expire. */
    private static final Duration LONG_WINDOW = Duration.ofMinutes(10);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    protected abstract RateLimiter rateLimiter();

    private static String uniqueKey() {
        return "contract:" + UUID.randomUUID();
    }

    @Test
    void allows_up_to_capacity_then_refuses_with_a_retry_after() {
        String key = uniqueKey();
        RateLimit limit = new RateLimit(5, LONG_WINDOW);

        for (int i = 0; i < 5; i++) {
            assertThat(rateLimiter().acquire(key, limit).allowed()).as("acquire %d", i + 1).isTrue();
        }
        RateLimitDecision refused = rateLimiter().acquire(key, limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(limit.refillInterval());
    }

    @Test
    void remaining_counts_down_to_zero() {
        String key = uniqueKey();
        RateLimit limit = new RateLimit(3, LONG_WINDOW);

        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            remaining.add(rateLimiter().acquire(key, limit).remaining());
        }

        assertThat(remaining).containsExactly(2, 1, 0, 0);
    }

    @Test
    void allowed_decision_carries_the_limit_a_reset_within_the_window_and_no_retry_after() {
        RateLimit limit = new RateLimit(4, LONG_WINDOW);

        RateLimitDecision decision = rateLimiter().acquire(uniqueKey(), limit);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.limit()).isEqualTo(4);
        assertThat(decision.remaining()).isEqualTo(3);
        assertThat(decision.reset()).isPositive().isLessThanOrEqualTo(limit.window());
        assertThat(decision.retryAfter()).isZero();
    }

    @Test
    void refused_decision_carries_the_limit_and_a_retry_after_no_later_than_the_reset() {
        String key = uniqueKey();
        RateLimit limit = new RateLimit(2, LONG_WINDOW);
        rateLimiter().acquire(key, limit);
        rateLimiter().acquire(key, limit);

        RateLimitDecision refused = rateLimiter().acquire(key, limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(2);
        assertThat(refused.reset()).isPositive().isLessThanOrEqualTo(limit.window());
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(refused.reset());
    }

    @Test
    void keys_are_counted_independently() {
        String exhausted = uniqueKey();
        String other = uniqueKey();
        RateLimit limit = new RateLimit(2, LONG_WINDOW);
        rateLimiter().acquire(exhausted, limit);
        rateLimiter().acquire(exhausted, limit);

        RateLimitDecision refused = rateLimiter().acquire(exhausted, limit);
        RateLimitDecision fresh = rateLimiter().acquire(other, limit);

        assertThat(refused.allowed()).isFalse();
        assertThat(fresh.allowed()).isTrue();
        assertThat(fresh.remaining()).isEqualTo(1);
    }

    @Test
    void charges_in_turn_take_one_unit_from_each_bucket() {
        String account = uniqueKey();
        String tenant = uniqueKey();

        List<RateLimitDecision> decisions = rateLimiter().acquireInTurn(List.of(
                new RateLimiter.Charge(account, new RateLimit(3, LONG_WINDOW)),
                new RateLimiter.Charge(tenant, new RateLimit(10, LONG_WINDOW))));

        assertThat(decisions).extracting(RateLimitDecision::allowed).containsExactly(true, true);
        assertThat(decisions).extracting(RateLimitDecision::limit).containsExactly(3, 10);
        assertThat(decisions).extracting(RateLimitDecision::remaining).containsExactly(2, 9);
        assertThat(rateLimiter().acquire(tenant, new RateLimit(10, LONG_WINDOW)).remaining()).isEqualTo(8);
    }

    @Test
    void charges_in_turn_stop_at_the_first_refusal_and_leave_the_rest_untouched() {
        String exhausted = uniqueKey();
        String after = uniqueKey();
        RateLimit one = new RateLimit(1, LONG_WINDOW);
        RateLimit five = new RateLimit(5, LONG_WINDOW);
        rateLimiter().acquire(exhausted, one);

        List<RateLimitDecision> decisions = rateLimiter().acquireInTurn(List.of(
                new RateLimiter.Charge(exhausted, one), new RateLimiter.Charge(after, five)));

        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).allowed()).isFalse();
        assertThat(decisions.get(0).retryAfter()).isPositive();
        assertThat(rateLimiter().acquire(after, five).remaining()).as("the later bucket was not charged").isEqualTo(4);
    }

    @Test
    void refused_key_is_allowed_again_once_tokens_refill() throws InterruptedException {
        String key = uniqueKey();
        RateLimit limit = new RateLimit(2, Duration.ofMillis(300));
        RateLimitDecision last;
        int taken = 0;
        do { // drain the bucket; tokens may trickle back meanwhile on a slow machine
            last = rateLimiter().acquire(key, limit);
            taken++;
        } while (last.allowed() && taken < 1000);
        assertThat(last.allowed()).as("refused once drained").isFalse();

        assertThat(eventuallyAllowed(key, limit)).as("allowed again within " + DEADLINE).isTrue();
    }

    @Test
    void parallel_acquires_never_exceed_capacity() throws Exception {
        String key = uniqueKey();
        RateLimit limit = new RateLimit(20, LONG_WINDOW);
        int requests = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return rateLimiter().acquire(key, limit).allowed();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : results) {
                if (result.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                    allowed++;
                }
            }

            assertThat(allowed).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean eventuallyAllowed(String key, RateLimit limit) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (rateLimiter().acquire(key, limit).allowed()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
