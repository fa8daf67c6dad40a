package dev.coachkit.adapters.messaging.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RateLimiterContract;
import dev.coachkit.domain.identity.RateLimit;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rate-limiter contract on a real Redis, and what only Redis adds: shared buckets and expiring keys. */
class RedisRateLimiterTest extends RateLimiterContract {

    private static RedisConnection redis;
    private static RedisRateLimiter rateLimiter;

    @BeforeAll
    static void connect() {
        redis = new RedisConnection(RedisServer.shared().url());
        rateLimiter = new RedisRateLimiter(redis);
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Override
    protected RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Test
    void bucket_key_is_namespaced_and_expires_once_the_bucket_would_be_full() {
        String key = "redis-test:" + UUID.randomUUID();
        RateLimit limit = new RateLimit(10, Duration.ofMinutes(10));

        rateLimiter.acquire(key, limit);

        long ttl = redis.connection().sync().pttl("coachkit:ratelimit:" + key);
        assertThat(ttl).isPositive().isLessThanOrEqualTo(limit.refillInterval().toMillis());
    }

    @Test
    void limiters_on_separate_connections_share_one_bucket() {
        String key = "redis-test:" + UUID.randomUUID();
        RateLimit limit = new RateLimit(2, Duration.ofHours(1));
        try (RedisConnection otherProcess = new RedisConnection(RedisServer.shared().url())) {
            RedisRateLimiter other = new RedisRateLimiter(otherProcess);

            rateLimiter.acquire(key, limit);
            other.acquire(key, limit);

            assertThat(rateLimiter.acquire(key, limit).allowed()).isFalse();
            assertThat(other.acquire(key, limit).allowed()).isFalse();
        }
    }

    @Test
    void script_missing_from_the_server_is_sent_again() {
        // SCRIPT FLUSH only on a private embedded server: the shared one serves other runs
        try (RedisConnection embedded = new RedisConnection(RedisServer.embedded().url())) {
            RedisRateLimiter limiter = new RedisRateLimiter(embedded);
            RateLimit limit = new RateLimit(3, Duration.ofHours(1));
            String key = "redis-test:" + UUID.randomUUID();

            assertThat(limiter.acquire(key, limit).remaining()).isEqualTo(2);
            embedded.connection().sync().scriptFlush();

            assertThat(limiter.acquire(key, limit).remaining()).isEqualTo(1);
            assertThat(limiter.acquire(key, limit).remaining()).isZero();
        }
    }
}
