package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.testing.TestServices;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local blob store's signed download URLs on the wired server: single byte ranges (206), ranges
 * beyond the file (416), what is ignored (200 with everything) and HEAD, each response as
 * {@code /openapi.json} documents it.
 */
class BlobRangeEndToEndTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static CoachKitServer server;
    private static TestDatabase database;
    private byte[] png;
    private String url;

    @BeforeAll
    static void start() throws IOException {
        int port = TestServices.freeLoopbackPort();
        database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_PUBLIC_URL", "http://127.0.0.1:" + port,
                "COACHKIT_DATA_DIR", Files.createTempDirectory("coachkit-blob-range-e2e").toString(),
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_OUTBOX_POLL_MILLIS", "50"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void aPlayableImage() {
        ApiClient api = new ApiClient(server.port());
        Session admin = api.registerAdmin();
        String media = api.readyImage(admin);
        png = TestImages.png(64, 48);
        url = api.expect(200, "GET", "/media/" + media + "/playback-url", null, admin).path("url").asText();
    }

    @Test
    void a_range_of_first_and_last_byte_is_206_with_those_bytes() throws Exception {
        HttpResponse<byte[]> part = get(Map.of("Range", "bytes=10-19"));

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 10, 20));
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 10-19/" + png.length);
        assertThat(part.headers().firstValue("Content-Length")).contains("10");
        assertThat(part.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(part.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void an_open_range_runs_to_the_end_and_a_suffix_is_the_last_bytes() throws Exception {
        HttpResponse<byte[]> open = get(Map.of("Range", "bytes=100-"));
        HttpResponse<byte[]> suffix = get(Map.of("Range", "bytes=-8"));
        HttpResponse<byte[]> beyond = get(Map.of("Range", "bytes=0-999999"));

        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(png, 100, png.length));
        assertThat(open.headers().firstValue("Content-Range")).contains("bytes 100-" + (png.length - 1) + "/" + png.length);
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(png, png.length - 8, png.length));
        assertThat(beyond.statusCode()).isEqualTo(206);
        assertThat(beyond.body()).isEqualTo(png);
    }

    @Test
    void a_range_beyond_the_file_is_416_naming_the_length() throws Exception {
        HttpResponse<byte[]> refused = get(Map.of("Range", "bytes=" + png.length + "-"));

        assertThat(refused.statusCode()).isEqualTo(416);
        assertThat(refused.headers().firstValue("Content-Range")).contains("bytes */" + png.length);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void several_ranges_a_malformed_one_and_an_if_range_are_answered_with_everything() throws Exception {
        for (Map<String, String> headers : List.of(Map.of("Range", "bytes=0-9,20-29"),
                Map.of("Range", "bytes=9-0"), Map.of("Range", "items=0-9"),
                Map.of("Range", "bytes=0-9", "If-Range", "\"an-etag-we-never-gave\""), Map.<String, String>of())) {
            HttpResponse<byte[]> whole = get(headers);

            assertThat(whole.statusCode()).as(headers.toString()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(png);
            assertThat(whole.headers().firstValue("Content-Length")).contains(Integer.toString(png.length));
            assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
            assertThat(whole.headers().firstValue("Content-Range")).isEmpty();
        }
    }

    @Test
    void head_answers_the_type_and_length_without_the_bytes() throws Exception {
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(png.length));
        assertThat(head.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void a_tampered_url_is_403_whatever_the_range_and_for_head() throws Exception {
        String tampered = url.replace("signature=", "signature=x");

        HttpResponse<byte[]> ranged = send(HttpRequest.newBuilder(URI.create(tampered)).header("Range", "bytes=0-9"));
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(tampered))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(ranged.statusCode()).isEqualTo(403);
        assertThat(ranged.headers().firstValue("Content-Range")).isEmpty();
        assertThat(head.statusCode()).isEqualTo(403);
    }

    private HttpResponse<byte[]> get(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A plain client, no token: the signed URL is the whole grant. */
    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return DocumentedApi.verified(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }
}
