package dev.coachkit.adapters.messaging.redis;

import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Denied token ids as Redis keys that Redis itself expires at the token's expiry (PXAT). Unreachable,
 * it fails closed: a token that may have been revoked is not accepted, the request answers 503.
 */
public final class RedisTokenDenylist implements TokenDenylist {

    static final String KEY_PREFIX = "coachkit:denylist:";

    private final RedisConnection redis;
    private final Clock clock;

    public RedisTokenDenylist(RedisConnection redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void deny(String tokenId, Instant until) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(until, "until");
        if (!clock.now().isBefore(until)) {
            return; // the token has expired already; nothing to remember
        }
        try {
            redis.connection().sync().set(KEY_PREFIX + tokenId, "1", SetArgs.Builder.pxAt(until.toEpochMilli()));
        } catch (RedisException unreachable) {
            throw unavailable(unreachable);
        }
    }

    @Override
    public boolean isDenied(String... keys) {
        String[] redisKeys = Arrays.stream(keys).map(key -> KEY_PREFIX + Objects.requireNonNull(key, "key"))
                .toArray(String[]::new);
        try {
            return redis.connection().sync().exists(redisKeys) > 0;
        } catch (RedisException unreachable) {
            throw unavailable(unreachable);
        }
    }

    private static DependencyUnavailableException unavailable(RedisException cause) {
        return new DependencyUnavailableException("authentication", DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                cause);
    }
}
