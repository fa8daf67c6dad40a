package dev.coachkit.adapters.messaging.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opening, sharing and closing the Redis connection, and checking its URL. */
class RedisConnectionTest {

    @Test
    void stores_and_reads_a_value_on_the_real_redis() {
        String key = "coachkit-test:" + UUID.randomUUID();
        try (RedisConnection redis = new RedisConnection(RedisServer.shared().url())) {
            RedisCommands<String, String> commands = redis.connection().sync();
            commands.setex(key, 60, "value");

            assertThat(commands.get(key)).isEqualTo("value");
            commands.del(key);
        }
    }

    @Test
    void callers_share_one_connection() {
        try (RedisConnection redis = new RedisConnection(RedisServer.shared().url())) {
            assertThat(redis.connection()).isSameAs(redis.connection());
        }
    }

    @Test
    void refuses_use_after_close() {
        RedisConnection redis = new RedisConnection(RedisServer.shared().url());
        redis.connection();
        redis.close();

        assertThatThrownBy(redis::connection).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void commands_use_the_given_timeout() {
        try (RedisConnection redis = new RedisConnection(RedisServer.shared().url(), Duration.ofMillis(500))) {
            assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(redis.connection().getTimeout()).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void address_names_host_port_and_database_but_not_the_password() {
        try (RedisConnection redis = new RedisConnection("redis://user:s3cret@cache.example:6380/2")) {
            assertThat(redis.address()).isEqualTo("cache.example:6380/2");
        }
    }

    @Test
    void rejects_an_unparseable_url_without_repeating_it() {
        assertThatThrownBy(() -> new RedisConnection("redis://:pa ss@127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Redis URL is not valid")
                .hasMessageNotContaining("pa ss");
    }

    @Test
    void rejects_a_url_of_another_scheme_without_repeating_it() {
        assertThatThrownBy(() -> new RedisConnection("http://user:s3cret@127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme must be redis")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejects_a_url_without_a_host() {
        assertThatThrownBy(() -> new RedisConnection("redis:///0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host");
    }

    @Test
    void rejects_a_path_that_is_not_a_database_number_without_repeating_it() {
        assertThatThrownBy(() -> new RedisConnection("redis://127.0.0.1:6379/s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database number")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejects_an_empty_url_and_a_non_positive_timeout() {
        assertThatThrownBy(() -> new RedisConnection(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisConnection("redis://127.0.0.1", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
