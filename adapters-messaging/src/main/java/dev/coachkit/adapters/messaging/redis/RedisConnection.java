package dev.coachkit.adapters.messaging.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lettuce client and one shared, thread-safe Redis connection, opened on first use and
 * reconnected by Lettuce after a drop; commands fail after a short timeout instead of waiting.
 */
public final class RedisConnection implements AutoCloseable {

    /** Connect and command timeout unless one is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final RedisURI uri;
    private final Duration timeout;
    private final RedisClient client;
    private CompletableFuture<StatefulRedisConnection<String, String>> attempt; // guarded by this
    private volatile StatefulRedisConnection<String, String> connected;
    private boolean closed; // guarded by this

    /** A connection to {@code url} with {@link #DEFAULT_TIMEOUT}; checks the URL but does not connect yet. */
    public RedisConnection(String url) {
        this(url, DEFAULT_TIMEOUT);
    }

    /** A connection to {@code url} whose connects and commands give up after {@code timeout}. */
    public RedisConnection(String url, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Redis timeout must be positive, was " + timeout);
        }
        this.uri = RedisUrl.parse(url);
        this.uri.setTimeout(timeout);
        this.timeout = timeout;
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }

    /**
     * The shared connection, connecting first if there is none yet. Callers share one attempt at a
     * time; a failed attempt is retried by the next call.
     *
     * @throws RedisConnectionException when Redis cannot be reached within the timeout
     */
    public StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> ready = connected;
        if (ready != null) {
            return ready;
        }
        return await(currentAttempt());
    }

    /** How long connects and commands wait before they fail. */
    public Duration timeout() {
        return timeout;
    }

    /** Host, port and database (never the password), for messages and logs. */
    public String address() {
        return RedisUrl.describe(uri);
    }

    /** Closes the connection and shuts the client's threads down. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            connected = null;
            if (attempt != null) {
                attempt.thenAccept(StatefulRedisConnection::close);
            }
        }
        client.shutdown();
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> currentAttempt() {
        if (closed) {
            throw new IllegalStateException("Redis connection to " + address() + " is closed");
        }
        if (attempt == null || attempt.isCompletedExceptionally()) {
            attempt = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        }
        return attempt;
    }

    private StatefulRedisConnection<String, String> await(CompletableFuture<StatefulRedisConnection<String, String>> pending) {
        try {
            StatefulRedisConnection<String, String> opened = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            connected = opened;
            return opened;
        } catch (ExecutionException e) {
            throw new RedisConnectionException("Redis at " + address() + " cannot be reached: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RedisConnectionException("Redis at " + address() + " did not accept a connection within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisConnectionException("Interrupted while connecting to Redis at " + address(), e);
        }
    }
}
