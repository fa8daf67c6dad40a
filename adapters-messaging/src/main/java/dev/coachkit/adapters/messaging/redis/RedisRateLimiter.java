package dev.coachkit.adapters.messaging.redis;

import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Token buckets in Redis, one atomic Lua script per decision, timed by the Redis server's clock. */
public final class RedisRateLimiter implements RateLimiter {

    static final String KEY_PREFIX = "coachkit:ratelimit:";

    /**
     * KEYS[i] a bucket, a hash {tokens, ts}; ARGV[2i-1] its capacity, ARGV[2i] its window in
     * microseconds. For each bucket in turn: refills capacity/window tokens per microsecond since ts
     * (capped at capacity), takes one if at least one is there, and lets the key expire when the bucket
     * would be full again, which is the same as no key. A refusal writes nothing and ends the script.
     * Replies {allowed, remaining, reset us, retry us} for each bucket it decided.
     */
    static final String SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local replies = {}
            for i, key in ipairs(KEYS) do
              local capacity = tonumber(ARGV[2 * i - 1])
              local window = tonumber(ARGV[2 * i])
              local state = redis.call('HMGET', key, 'tokens', 'ts')
              local tokens = capacity
              if state[1] and state[2] then
                local elapsed = math.max(0, now - tonumber(state[2]))
                tokens = math.min(capacity, tonumber(state[1]) + elapsed * capacity / window)
              end
              local allowed = 0
              local retry = 0
              if tokens >= 1 then
                allowed = 1
                tokens = tokens - 1
              else
                retry = math.ceil((1 - tokens) * window / capacity)
              end
              local reset = math.ceil((capacity - tokens) * window / capacity)
              if allowed == 1 then
                redis.call('HSET', key, 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.17g', now))
                redis.call('PEXPIRE', key, math.max(1, math.ceil(reset / 1000)))
              end
              table.insert(replies, allowed)
              table.insert(replies, math.floor(tokens))
              table.insert(replies, reset)
              table.insert(replies, retry)
              if allowed == 0 then
                break
              end
            end
            return replies
            """;

    private final RedisConnection redis;
    private final String digest;

    public RedisRateLimiter(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.digest = sha1Hex(SCRIPT);
    }

    @Override
    public RateLimitDecision acquire(String key, RateLimit limit) {
        return acquireInTurn(List.of(new Charge(key, limit))).get(0);
    }

    @Override
    public List<RateLimitDecision> acquireInTurn(List<Charge> charges) {
        String[] keys = new String[charges.size()];
        String[] arguments = new String[2 * charges.size()];
        for (int i = 0; i < charges.size(); i++) {
            RateLimit limit = charges.get(i).limit();
            keys[i] = KEY_PREFIX + charges.get(i).key();
            arguments[2 * i] = Integer.toString(limit.capacity());
            arguments[2 * i + 1] = Long.toString(Math.max(1, ceilMicros(limit.window())));
        }
        List<Long> reply = run(keys, arguments);
        List<RateLimitDecision> decisions = new ArrayList<>(reply.size() / 4);
        for (int i = 0; i < reply.size() / 4; i++) {
            int at = 4 * i;
            decisions.add(new RateLimitDecision(reply.get(at) == 1, charges.get(i).limit().capacity(),
                    Math.toIntExact(reply.get(at + 1)), Duration.of(reply.get(at + 2), ChronoUnit.MICROS),
                    Duration.of(reply.get(at + 3), ChronoUnit.MICROS)));
        }
        return List.copyOf(decisions);
    }

    private List<Long> run(String[] keys, String[] arguments) {
        try {
            RedisCommands<String, String> commands = redis.connection().sync();
            try {
                return commands.evalsha(digest, ScriptOutputType.MULTI, keys, arguments);
            } catch (RedisNoScriptException notLoaded) {
                // first use on this server (or after a restart or SCRIPT FLUSH): EVAL also caches it
                return commands.eval(SCRIPT, ScriptOutputType.MULTI, keys, arguments);
            }
        } catch (RedisException unreachable) {
            // whether to let the request through is the caller's policy, per limit
            throw new DependencyUnavailableException("rate limiting", DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                    unreachable);
        }
    }

    /** The script's SHA-1, the name EVALSHA knows it by once Redis has seen it. */
    private static String sha1Hex(String script) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    private static long ceilMicros(Duration duration) {
        long micros = duration.toNanos() / 1000;
        return duration.toNanos() % 1000 == 0 ? micros : micros + 1;
    }
}
