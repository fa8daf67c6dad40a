package dev.coachkit.adapters.messaging.testing;

import dev.coachkit.application.testing.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real Redis for tests: the one named by
 * {@code COACHKIT_TEST_REDIS_URL}, else a Testcontainers container when a Docker engine answers,
 * else an embedded server on 127.0.0.1. One per test JVM; it never silently skips.
 */
public final class RedisServer {

    public static final String URL_VARIABLE = "COACHKIT_TEST_REDIS_URL";

    private static final String LOOPBACK = TestServices.LOOPBACK;
    private static final int REDIS_PORT = 6379;

    private static RedisServer configuredOrStarted;
    private static RedisServer embedded;

    private final String url;
    private final String origin;

    private RedisServer(String url, String origin) {
        this.url = url;
        this.origin = origin;
    }

    /** The configured server, or a container, or an embedded one — in that order. */
    public static synchronized RedisServer shared() {
        if (configuredOrStarted == null) {
            configuredOrStarted = locate();
        }
        return configuredOrStarted;
    }

    /** Always an embedded server, for tests that must also pass on the embedded Redis. */
    public static synchronized RedisServer embedded() {
        if (embedded == null) {
            embedded = startEmbedded();
        }
        return embedded;
    }

    /** A {@code redis://} URL of the server. */
    public String url() {
        return url;
    }

    /** Where the server came from, for test names and failure messages. */
    public String origin() {
        return origin;
    }

    /** A loopback port on which nothing listens (it was free a moment ago), for tests of an absent Redis. */
    public static int closedPort() {
        return TestServices.freeLoopbackPort();
    }

    private static RedisServer locate() {
        TestServices.Found<String> found = TestServices.locate(URL_VARIABLE, configured -> configured,
                () -> "redis://" + TestServices.startContainer("redis:7-alpine", REDIS_PORT),
                () -> startEmbedded().url(), "redis://127.0.0.1:6379");
        return new RedisServer(found.address(), found.origin());
    }

    private static RedisServer startEmbedded() {
        try {
            int port = closedPort();
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .bind(LOOPBACK)
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
            return new RedisServer("redis://" + LOOPBACK + ":" + port, "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded Redis failed to start", e);
        }
    }

    private static void stopQuietly(redis.embedded.RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
