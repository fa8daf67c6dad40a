package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.adapters.storage.testing.S3TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3-compatible server goes away under a running server and comes back: an upload intent that
 * needs storage and a finalize answer 503 problems with {@code Retry-After} and change nothing, so
 * the same finalize succeeds once storage is back and the asset is processed.
 */
class StorageOutageEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1024 * 1024;

    private TestDatabase database;
    private OutageProxy storage;
    private CoachKitServer server;
    private HttpProbe http;
    private String token;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.createOn(PostgresServer.shared());
        S3TestServer s3 = S3TestServer.shared();
        storage = OutageProxy.to(s3.endpoint().getHost(), s3.endpoint().getPort());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_BLOB_STORE", "s3",
                "COACHKIT_S3_BUCKET", s3.settingsForNewBucket().bucket(),
                "COACHKIT_S3_ENDPOINT", "http://127.0.0.1:" + storage.port(),
                "COACHKIT_S3_REGION", S3TestServer.REGION,
                "COACHKIT_S3_ACCESS_KEY", S3TestServer.ACCESS_KEY,
                "COACHKIT_S3_SECRET_KEY", S3TestServer.SECRET_KEY,
                "COACHKIT_OUTBOX_POLL_MILLIS", "100",
                "COACHKIT_MEDIA_PART_SIZE_BYTES", Integer.toString(5 * MIB)))));
        http = new HttpProbe(server.port());
        HttpResponse<String> registered = http.send("POST", "/auth/register", JSON.writeValueAsString(Map.of(
                "email", "coach-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery",
                "firstName", "Cam", "lastName", "Coach", "organizationName", "Media Club")), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        token = JSON.readTree(registered.body()).path("accessToken").asText();
    }

    @AfterEach
    void stop() {
        server.close();
        storage.close();
    }

    @Test
    void intents_and_finalize_answer_503_while_storage_is_down_and_the_same_finalize_succeeds_after() throws Exception {
        byte[] png = png();
        HttpResponse<String> granted = intent("photo.png", png.length);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String mediaId = JSON.readTree(granted.body()).path("mediaId").asText();
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(JSON.readTree(granted.body()).at("/parts/0/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        storage.cut();
        assertUnavailable(finalize(mediaId));
        assertThat(status(mediaId)).as("a finalize that failed on storage leaves the upload pending")
                .isEqualTo("PENDING_UPLOAD");
        // a multipart intent starts the upload in storage before it creates the asset
        assertUnavailable(intent("match.mp4", 11L * MIB));
        assertThat(http.get("/ready").body()).as("the blob store is reported down")
                .containsPattern("\"name\":\"blob-store\",\"status\":\"(?!UP)");
        assertThat(database.queryNumberAsOwner("select count(*) from media_assets")).as("no asset for it").isEqualTo(1);

        storage.restore();
        HttpResponse<String> finalized = finalize(mediaId);
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(202);
        Instant deadline = Instant.now().plusSeconds(30);
        for (String status = status(mediaId); !status.equals("READY"); status = status(mediaId)) {
            assertThat(status).isEqualTo("PROCESSING"); // read once: it may turn READY between two reads
            assertThat(Instant.now()).as("processed before the deadline").isBefore(deadline);
            Thread.sleep(100);
        }
        HttpResponse<String> multipart = intent("match.mp4", 11L * MIB);
        assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(201);
        assertThat(JSON.readTree(multipart.body()).path("parts")).hasSize(3);
    }

    private static void assertUnavailable(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asText()).isEqualTo("storage is unavailable; retry later");
    }

    private HttpResponse<String> intent(String fileName, long size) throws IOException {
        String type = fileName.endsWith(".png") ? "image/png" : "video/mp4";
        return http.send("POST", "/media/upload-intent", JSON.writeValueAsString(Map.of("fileName", fileName,
                "contentType", type, "sizeBytes", size)), token);
    }

    private HttpResponse<String> finalize(String mediaId) throws IOException {
        return http.send("POST", "/media/" + mediaId + "/finalize", JSON.writeValueAsString(Map.of("parts", List.of())),
                token);
    }

    private String status(String mediaId) {
        try {
            return JSON.readTree(http.send("GET", "/media/" + mediaId, null, token).body()).path("status").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
