package dev.coachkit.adapters.messaging.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.identity.port.out.TokenDenylistContract;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The denylist contract on a real Redis, and that Redis itself expires each entry. */
class RedisTokenDenylistTest extends TokenDenylistContract {

    private static RedisConnection redis;
    private static RedisTokenDenylist denylist;

    @BeforeAll
    static void connect() {
        redis = new RedisConnection(RedisServer.shared().url());
        denylist = new RedisTokenDenylist(redis, Clock.system());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Override
    protected TokenDenylist denylist() {
        return denylist;
    }

    @Test
    void entry_is_a_namespaced_key_that_redis_expires_at_until() {
        String tokenId = "redis-test-" + UUID.randomUUID();
        Instant until = Instant.now().plus(Duration.ofMinutes(15));

        denylist.deny(tokenId, until);

        long ttl = redis.connection().sync().pttl("coachkit:denylist:" + tokenId);
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15).toMillis());
    }
}
