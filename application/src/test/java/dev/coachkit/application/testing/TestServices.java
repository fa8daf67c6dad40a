package dev.coachkit.application.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Function;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds a real service for tests in the order docs/architecture.md gives: the one an environment
 * variable names, else a Testcontainers container when a Docker engine answers, else an embedded
 * server. Never skips: when nothing can be had, the failure names the variable to set.
 */
public final class TestServices {

    public static final String LOOPBACK = "127.0.0.1";

    private TestServices() {}

    /** How to reach a service found for tests, and where it came from (for failure messages). */
    public record Found<T>(T address, String origin) {}

    /**
     * @param variable   the environment variable that names a running service
     * @param configured turns the variable's value into an address
     * @param container  starts a container and answers its address (only asked when Docker answers)
     * @param embedded   starts an embedded server and answers its address
     * @param example    a value of the variable that would work, for the failure message
     */
    public static <T> Found<T> locate(String variable, Function<String, T> configured, Supplier<T> container,
            Supplier<T> embedded, String example) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            return new Found<>(configured.apply(value.strip()), "configured by " + variable);
        }
        if (dockerAvailable()) {
            return new Found<>(container.get(), "Testcontainers");
        }
        try {
            return new Found<>(embedded.get(), "embedded");
        } catch (RuntimeException failed) {
            throw new IllegalStateException("No service for tests: " + variable + " is not set, no Docker engine"
                    + " answers, and the embedded server failed to start. Set " + variable + "=" + example
                    + " to use a running one.", failed);
        }
    }

    /** Starts {@code image} exposing {@code port}, stopped when the JVM exits; answers {@code host:mappedPort}. */
    public static String startContainer(String image, int port) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(port);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getHost() + ":" + container.getMappedPort(port);
    }

    /** A loopback port that was free a moment ago. */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }
}
