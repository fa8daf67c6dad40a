package dev.coachkit.adapters.messaging.redis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            assertThatCode(new RedisReadinessProbe(redis)::check).doesNotThrowAnyException();
        }
    }

    @Test
    void reports_not_ready_naming_the_address_when_nothing_listens() {
        int port = RedisServer.closedPort();
        try (RedisConnection redis = new RedisConnection("redis://:s3cret@127.0.0.1:" + port)) {
            assertThatThrownBy(new RedisReadinessProbe(redis)::check)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Redis at 127.0.0.1:" + port + "/0 cannot be reached")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void reports_not_ready_after_redis_goes_away() throws Exception {
        int port = RedisServer.closedPort();
        redis.embedded.RedisServer server = EmbeddedRedis.on(port);
        try (RedisConnection redis = new RedisConnection("redis://127.0.0.1:" + port)) {
            RedisReadinessProbe probe = new RedisReadinessProbe(redis);
            probe.check();

            server.stop();

            assertThatThrownBy(probe::check)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Redis at 127.0.0.1:" + port + "/0 ");
        } finally {
            server.stop();
        }
    }

    @Test
    void reports_ready_once_redis_comes_up_after_a_failed_check() throws Exception {
        int port = RedisServer.closedPort();
        try (RedisConnection redis = new RedisConnection("redis://127.0.0.1:" + port)) {
            RedisReadinessProbe probe = new RedisReadinessProbe(redis);
            assertThatThrownBy(probe::check).isInstanceOf(IllegalStateException.class);

            redis.embedded.RedisServer server = EmbeddedRedis.on(port);
            try {
                assertThatCode(probe::check).doesNotThrowAnyException();
            } finally {
                server.stop();
            }
        }
    }
}
