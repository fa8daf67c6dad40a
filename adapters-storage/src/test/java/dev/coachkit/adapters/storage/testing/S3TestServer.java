package dev.coachkit.adapters.storage.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.coachkit.adapters.storage.s3.S3Settings;
import dev.coachkit.application.testing.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real S3-compatible server for tests: the endpoint named by
 * {@code COACHKIT_TEST_S3_ENDPOINT}, else an S3Mock container when a Docker engine answers, else
 * S3Mock embedded in this JVM. One per test JVM; it never silently skips.
 */
public final class S3TestServer {

    public static final String ENDPOINT_VARIABLE = "COACHKIT_TEST_S3_ENDPOINT";
    /** Any region and static credentials will do for a compatible server; the SDK needs them to sign. */
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "coachkit-test";
    public static final String SECRET_KEY = "coachkit-test-secret";

    private static final int S3MOCK_HTTP_PORT = 9090;

    private static S3TestServer shared;

    private final URI endpoint;
    private final String origin;

    private S3TestServer(URI endpoint, String origin) {
        this.endpoint = endpoint;
        this.origin = origin;
    }

    public static synchronized S3TestServer shared() {
        if (shared == null) {
            TestServices.Found<URI> found = TestServices.locate(ENDPOINT_VARIABLE, URI::create,
                    () -> URI.create("http://" + TestServices.startContainer("adobe/s3mock:5.1.0", S3MOCK_HTTP_PORT)),
                    S3TestServer::startEmbedded, "http://127.0.0.1:9090");
            shared = new S3TestServer(found.address(), found.origin());
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String origin() {
        return origin;
    }

    /** Settings for a bucket no other test uses. */
    public S3Settings settingsForNewBucket() {
        return new S3Settings("coachkit-test-" + UUID.randomUUID().toString().substring(0, 8), REGION,
                Optional.of(endpoint), Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY));
    }

    private static URI startEmbedded() {
        int port = TestServices.freeLoopbackPort();
        Path root;
        try {
            root = Files.createTempDirectory("coachkit-s3mock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // S3Mock adds its defaults to the map it is given, so it must be mutable
        S3MockApplication server = S3MockApplication.start(new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, port,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                "server.address", TestServices.LOOPBACK,
                "spring.main.sources", LoopbackHttpConnector.class.getName(),
                "com.adobe.testing.s3mock.store.root", root.toString(),
                "com.adobe.testing.s3mock.store.retain-files-on-exit", false,
                "com.adobe.testing.s3mock.max-payload-size", "64MB",
                S3MockApplication.PROP_SILENT, true)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return URI.create("http://" + TestServices.LOOPBACK + ":" + port);
    }
}
