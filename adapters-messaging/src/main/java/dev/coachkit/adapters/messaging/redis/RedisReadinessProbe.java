package dev.coachkit.adapters.messaging.redis;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Redis answers PING on the shared connection within its timeout. Redis down reports
 * "degraded" without taking the node out of service: every node shares the one Redis, so another
 * node would do no better, and the requests that need it answer 503 with {@code Retry-After}
 * themselves (sign-in and signed-in requests) while the rest are served without rate limits.
 */
public final class RedisReadinessProbe implements ReadinessProbe {

    static final String DEGRADED = "degraded: Redis does not answer; rate limits are off, sign-in and signed-in"
            + " requests answer 503 until it is back";
    private static final Logger LOG = LoggerFactory.getLogger(RedisReadinessProbe.class);

    private final RedisConnection redis;

    public RedisReadinessProbe(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public String name() {
        return "redis";
    }

    /** "ok", or {@link #DEGRADED} with the reason (which names the host) in the log only: the report is public. */
    @Override
    public String check() {
        String problem;
        try {
            String reply = redis.connection().sync().ping();
            if ("PONG".equals(reply)) {
                return "ok";
            }
            problem = "Redis at " + redis.address() + " answered PING with " + reply;
        } catch (RedisCommandTimeoutException e) {
            problem = "Redis at " + redis.address() + " did not answer PING within " + redis.timeout();
        } catch (RedisException e) {
            problem = e.getMessage().startsWith("Redis at ") ? e.getMessage()
                    : "Redis at " + redis.address() + " failed PING: " + e.getMessage();
        }
        LOG.warn("degraded: {}", problem);
        return DEGRADED;
    }
}
