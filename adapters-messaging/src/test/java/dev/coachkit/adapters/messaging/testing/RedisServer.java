package dev.coachkit.adapters.messaging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Redis for tests, found as ARCHITECTURE.md says: the one named by
 * {@code COACHKIT_TEST_REDIS_URL}, else a Testcontainers container when a Docker engine answers,
 * else an embedded server on 127.0.0.1. One per test JVM; it never silently skips.
 */
public final class RedisServer {

    public static final String URL_VARIABLE = "COACHKIT_TEST_REDIS_URL";

    private static final String LOOPBACK = "127.0.0.1";
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
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static RedisServer locate() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new RedisServer(configured.strip(), "configured by " + URL_VARIABLE);
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                    .withExposedPorts(REDIS_PORT);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String url = "redis://" + container.getHost() + ":" + container.getMappedPort(REDIS_PORT);
            return new RedisServer(url, "Testcontainers");
        }
        return startEmbedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
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
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No Redis for tests: the embedded server failed to start (and "
                    + URL_VARIABLE + " was not set, nor did a Docker engine answer). Set " + URL_VARIABLE
                    + "=redis://127.0.0.1:6379 to use a running server.", e);
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
