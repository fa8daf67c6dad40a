package dev.coachkit.adapters.messaging.redis;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.util.Objects;

/** Ready when Redis answers PING on the shared connection within its timeout. */
public final class RedisReadinessProbe implements ReadinessProbe {

    private final RedisConnection redis;

    public RedisReadinessProbe(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String check() {
        String reply;
        try {
            reply = redis.connection().sync().ping();
        } catch (RedisConnectionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (RedisCommandTimeoutException e) {
            throw new IllegalStateException("Redis at " + redis.address() + " did not answer PING within " + redis.timeout(), e);
        } catch (RedisException e) {
            throw new IllegalStateException("Redis at " + redis.address() + " failed PING: " + e.getMessage(), e);
        }
        if (!"PONG".equals(reply)) {
            throw new IllegalStateException("Redis at " + redis.address() + " answered PING with " + reply);
        }
        return "ok";
    }
}
