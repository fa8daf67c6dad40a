package dev.coachkit.adapters.messaging.testing;

import dev.coachkit.adapters.messaging.events.SqsClients;
import dev.coachkit.application.testing.TestServices;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS-compatible server for tests: the endpoint named by
 * {@code COACHKIT_TEST_SQS_ENDPOINT}, else an ElasticMQ container when a Docker engine answers, else
 * ElasticMQ embedded on 127.0.0.1. One per test JVM; it never silently skips.
 */
public final class SqsTestServer {

    public static final String ENDPOINT_VARIABLE = "COACHKIT_TEST_SQS_ENDPOINT";
    /** Any region will do for a compatible server; the SDK only needs one to sign. */
    public static final String REGION = "us-east-1";

    private static final String LOOPBACK = TestServices.LOOPBACK;
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
        TestServices.Found<URI> found = TestServices.locate(ENDPOINT_VARIABLE, URI::create,
                () -> URI.create("http://" + TestServices.startContainer("softwaremill/elasticmq-native", ELASTICMQ_PORT)),
                SqsTestServer::startEmbedded, "http://127.0.0.1:9324");
        return new SqsTestServer(found.address(), found.origin());
    }

    private static URI startEmbedded() {
        int port = TestServices.freeLoopbackPort();
        SQSRestServer server = SQSRestServerBuilder.withInterface(LOOPBACK)
                .withPort(port)
                .withServerAddress(new NodeAddress("http", LOOPBACK, port, ""))
                .start();
        server.waitUntilStarted();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
        return URI.create("http://" + LOOPBACK + ":" + port);
    }
}
