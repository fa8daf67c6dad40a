package dev.coachkit.adapters.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.redis.RedisConnection;
import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.Test;

/** The test Redis is found, and the embedded fallback works on this machine. */
class RedisServerTest {

    @Test
    void shared_server_answers_ping() {
        try (RedisConnection redis = new RedisConnection(RedisServer.shared().url())) {
            assertThat(redis.connection().sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void embedded_fallback_starts_on_loopback_and_answers_ping() {
        RedisServer server = RedisServer.embedded();

        assertThat(server.origin()).isEqualTo("embedded");
        assertThat(server.url()).startsWith("redis://127.0.0.1:");
        try (RedisConnection redis = new RedisConnection(server.url())) {
            assertThat(redis.connection().sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void embedded_fallback_runs_lua_scripts() {
        try (RedisConnection redis = new RedisConnection(RedisServer.embedded().url())) {
            Long sum = redis.connection().sync().eval("return ARGV[1] + ARGV[2]", ScriptOutputType.INTEGER, new String[0], "2", "3");

            assertThat(sum).isEqualTo(5L);
        }
    }
}
