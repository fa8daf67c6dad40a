package dev.coachkit.adapters.messaging.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import org.junit.jupiter.api.Test;

/** The Redis readiness probe against a real Redis and against a port where none listens. */
class RedisReadinessProbeTest {

    @Test
    void is_named_redis() {
        try (RedisConnection redis = new RedisConnection(RedisServer.shared().url())) {
            assertThat(new RedisReadinessProbe(redis).name()).isEqualTo("redis");
        }
    }

    @Test
    void reports_ready_when_redis_answers_ping() {
        try (RedisConnection redis = new RedisConnection(RedisServer.shared().url())) {
            assertThat(new RedisReadinessProbe(redis).check()).isEqualTo("ok");
        }
    }

    @Test
    void reports_degraded_without_the_address_or_password_when_nothing_listens() {
        int port = RedisServer.closedPort();
        try (RedisConnection redis = new RedisConnection("redis://:s3cret@127.0.0.1:" + port)) {
            assertThat(new RedisReadinessProbe(redis).check()).isEqualTo(RedisReadinessProbe.DEGRADED)
                    .startsWith("degraded: ").doesNotContain("s3cret", "127.0.0.1");
        }
    }

    @Test
    void reports_degraded_after_redis_goes_away() throws Exception {
        int port = RedisServer.closedPort();
        redis.embedded.RedisServer server = EmbeddedRedis.on(port);
        try (RedisConnection redis = new RedisConnection("redis://127.0.0.1:" + port)) {
            RedisReadinessProbe probe = new RedisReadinessProbe(redis);
            assertThat(probe.check()).isEqualTo("ok");

            server.stop();

            assertThat(probe.check()).isEqualTo(RedisReadinessProbe.DEGRADED);
        } finally {
            server.stop();
        }
    }

    @Test
    void reports_ready_once_redis_comes_up_after_a_failed_check() throws Exception {
        int port = RedisServer.closedPort();
        try (RedisConnection redis = new RedisConnection("redis://127.0.0.1:" + port)) {
            RedisReadinessProbe probe = new RedisReadinessProbe(redis);
            assertThat(probe.check()).isEqualTo(RedisReadinessProbe.DEGRADED);

            redis.embedded.RedisServer server = EmbeddedRedis.on(port);
            try {
                assertThat(probe.check()).isEqualTo("ok");
            } finally {
                server.stop();
            }
        }
    }
}
