package dev.coachkit.adapters.messaging.testing;

import dev.coachkit.adapters.messaging.events.SqsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS-compatible server for tests, found as ARCHITECTURE.md says: the endpoint named by
 * {@code COACHKIT_TEST_SQS_ENDPOINT}, else an ElasticMQ container when a Docker engine answers, else
 * ElasticMQ embedded on 127.0.0.1. One per test JVM; it never silently skips.
 */
public final class SqsTestServer {

    public static final String ENDPOINT_VARIABLE = "COACHKIT_TEST_SQS_ENDPOINT";
    /** Any region will do for a compatible server; the SDK only needs one to sign. */
    public static final String REGION = "us-east-1";

    private static final String LOOPBACK = "127.0.0.1";
    private static final int ELASTICMQ_PORT = 9324;

    private static SqsTestServer shared;

    private final URI endpoint;
    private final String origin;

    private SqsTestServer(URI endpoint, String origin) {
        this.endpoint = endpoint;
        this.origin = origin;
    }

    /** The configured server, or a container, or an embedded one — in that order. */
    public static synchronized SqsTestServer shared() {
        if (shared == null) {
            shared = locate();
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Where the server came from, for failure messages. */
    public String origin() {
        return origin;
    }

    /** A new client for this server; the caller closes it. */
    public SqsClient client() {
        return SqsClients.create(Optional.of(endpoint), REGION);
    }

    /** A queue name no other test uses; {@code fifo} appends {@code .fifo}. */
    public static String uniqueQueueName(String prefix, boolean fifo) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return fifo ? name + ".fifo" : name;
    }

    private static SqsTestServer locate() {
        String configured = System.getenv(ENDPOINT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new SqsTestServer(URI.create(configured.strip()), "configured by " + ENDPOINT_VARIABLE);
        }
        if (dockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("softwaremill/elasticmq-native"))
                    .withExposedPorts(ELASTICMQ_PORT);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(ELASTICMQ_PORT));
            return new SqsTestServer(endpoint, "Testcontainers");
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

    private static SqsTestServer startEmbedded() {
        try {
            int port = freePort();
            SQSRestServer server = SQSRestServerBuilder.withInterface(LOOPBACK)
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", LOOPBACK, port, ""))
                    .start();
            server.waitUntilStarted();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
            return new SqsTestServer(URI.create("http://" + LOOPBACK + ":" + port), "embedded ElasticMQ");
        } catch (RuntimeException e) {
            throw new IllegalStateException("No SQS-compatible server for tests: embedded ElasticMQ failed to start "
                    + "(and " + ENDPOINT_VARIABLE + " was not set, nor did a Docker engine answer). Set "
                    + ENDPOINT_VARIABLE + "=http://127.0.0.1:9324 to use a running server.", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
