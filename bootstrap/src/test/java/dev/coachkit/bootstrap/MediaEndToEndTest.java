package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.testing.TestServices;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media over HTTP on the wired server in single-node storage mode: uploads go through the signed
 * {@code /blobs/...} URLs with a plain HTTP client, the in-process worker processes them, and
 * playback returns the uploaded bytes. Parts are 5 MiB, files at most 12 MiB, 20 MiB per tenant.
 */
class MediaEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static CoachKitServer server;
    private static TestDatabase database;
    private static Path dataDir;
    private HttpProbe http;
    private String token;
    /** The organization's ADMIN, who registered it: {@link #token} as a session of {@link ApiClient}. */
    private ApiClient.Session admin;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("coachkit-media-e2e");
        int port = TestServices.freeLoopbackPort();
        database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_PUBLIC_URL", "http://127.0.0.1:" + port,
                "COACHKIT_DATA_DIR", dataDir.toString(),
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_OUTBOX_POLL_MILLIS", "50",
                "COACHKIT_MEDIA_PART_SIZE_BYTES", Integer.toString(5 * MIB),
                "COACHKIT_MEDIA_MAX_FILE_BYTES", Integer.toString(12 * MIB),
                "COACHKIT_MEDIA_TENANT_QUOTA_BYTES", Integer.toString(20 * MIB)))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newTenant() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        http = new HttpProbe(server.port()).withHeaders(Map.of("X-Forwarded-For", address));
        HttpResponse<String> registered = http.send("POST", "/auth/register", write(Map.of(
                "email", "coach-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery",
                "firstName", "Cam", "lastName", "Coach", "organizationName", "Media Club")), null);
        assertThat(registered.statusCode()).isEqualTo(201);
        token = json(registered).path("accessToken").asText();
        admin = ApiClient.Session.from(json(registered));
    }

    @Test
    void a_small_image_goes_up_in_one_put_is_processed_and_plays_back_byte_for_byte() throws Exception {
        byte[] png = TestImages.png(800, 600);
        JsonNode intent = intent("photo.png", "image/png", png.length);
        assertThat(intent.path("parts")).hasSize(1);

        HttpResponse<String> put = put(intent.at("/parts/0/url").asText(), png);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).isPresent();
        HttpResponse<String> finalized = finalize(intent.path("mediaId").asText(), List.of());
        assertThat(finalized.statusCode()).isEqualTo(202);
        assertThat(json(finalized).path("status").asText()).isEqualTo("PROCESSING");

        JsonNode ready = awaitProcessed(intent.path("mediaId").asText());
        assertThat(ready.path("status").asText()).isEqualTo("READY");
        assertThat(ready.path("width").asInt()).isEqualTo(800);
        assertThat(ready.path("height").asInt()).isEqualTo(600);
        assertThat(ready.path("sizeBytes").asLong()).isEqualTo(png.length);
        HttpResponse<byte[]> thumbnail = get(ready.path("thumbnailUrl").asText());
        assertThat(thumbnail.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth()).isEqualTo(320);

        HttpResponse<String> playback = http.send("GET", "/media/" + intent.path("mediaId").asText()
                + "/playback-url", null, token);
        assertThat(playback.statusCode()).isEqualTo(200);
        assertThat(Instant.parse(json(playback).path("expiresAt").asText())).isBefore(Instant.now().plusSeconds(301));
        HttpResponse<byte[]> bytes = get(json(playback).path("url").asText());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(bytes.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(bytes.headers().firstValue("Content-Disposition")).contains("inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
        assertThat(bytes.body()).isEqualTo(png);
    }

    @Test
    void a_large_file_goes_up_in_parts_and_is_assembled_in_order() throws Exception {
        byte[] content = new byte[11 * MIB];
        new Random(42).nextBytes(content);
        JsonNode intent = intent("session.mp4", "video/mp4", content.length);
        assertThat(intent.path("partSize").asLong()).isEqualTo(5 * MIB);
        assertThat(intent.path("parts")).hasSize(3);

        List<Map<String, Object>> parts = new ArrayList<>();
        for (int part = 3; part >= 1; part--) { // out of order on purpose
            byte[] slice = Arrays.copyOfRange(content, (part - 1) * 5 * MIB, Math.min(content.length, part * 5 * MIB));
            HttpResponse<String> put = put(intent.at("/parts/" + (part - 1) + "/url").asText(), slice);
            assertThat(put.statusCode()).isEqualTo(200);
            parts.add(Map.of("partNumber", part, "etag", put.headers().firstValue("ETag").orElseThrow()));
        }
        String mediaId = intent.path("mediaId").asText();
        assertThat(finalize(mediaId, parts).statusCode()).isEqualTo(202);

        JsonNode processed = awaitProcessed(mediaId);
        assertThat(processed.path("status").asText()).as("random bytes are no video").isEqualTo("FAILED");
        assertThat(processed.path("failureReason").asText()).as("a fixed sentence, not ffmpeg's output")
                .isEqualTo("the file could not be read as a video");
        assertThat(processed.path("sizeBytes").asLong()).isEqualTo(content.length);
        assertThat(http.send("GET", "/media/" + mediaId + "/playback-url", null, token).statusCode()).isEqualTo(409);
    }

    @Test
    void a_real_image_larger_than_a_part_goes_up_in_parts_and_plays_back_byte_for_byte() throws Exception {
        byte[] png = noisyPng(1500, 1500);
        assertThat(png.length).as("more than one 5 MiB part").isGreaterThan(5 * MIB);
        JsonNode intent = intent("regatta.png", "image/png", png.length);
        assertThat(intent.path("parts")).hasSize(2);

        List<Map<String, Object>> parts = new ArrayList<>();
        for (int part = 2; part >= 1; part--) { // out of order on purpose
            byte[] slice = Arrays.copyOfRange(png, (part - 1) * 5 * MIB, Math.min(png.length, part * 5 * MIB));
            HttpResponse<String> put = put(intent.at("/parts/" + (part - 1) + "/url").asText(), slice);
            assertThat(put.statusCode()).isEqualTo(200);
            parts.add(Map.of("partNumber", part, "etag", put.headers().firstValue("ETag").orElseThrow()));
        }
        String mediaId = intent.path("mediaId").asText();
        assertThat(finalize(mediaId, parts).statusCode()).isEqualTo(202);

        JsonNode ready = awaitProcessed(mediaId);
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("READY");
        assertThat(ready.path("width").asInt()).isEqualTo(1500);
        HttpResponse<String> playback = http.send("GET", "/media/" + mediaId + "/playback-url", null, token);
        assertThat(get(json(playback).path("url").asText()).body()).isEqualTo(png);
    }

    @Test
    void type_size_and_quota_refusals() {
        assertThat(intentResponse("doc.pdf", "application/pdf", 100).statusCode()).isEqualTo(415);
        assertThat(intentResponse("huge.mp4", "video/mp4", 12L * MIB + 1).statusCode()).isEqualTo(413);
        assertThat(intentResponse("empty.png", "image/png", 0).statusCode()).isEqualTo(400);

        assertThat(intentResponse("a.mp4", "video/mp4", 12L * MIB).statusCode()).isEqualTo(201);
        HttpResponse<String> overQuota = intentResponse("b.mp4", "video/mp4", 9L * MIB);
        assertThat(overQuota.statusCode()).isEqualTo(422);
        assertThat(json(overQuota).path("detail").asText()).contains("quota");
    }

    @Test
    void uploading_more_than_declared_is_refused_at_finalize_and_the_media_is_gone() throws Exception {
        JsonNode intent = intent("clip.mp4", "video/mp4", 6L * MIB);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int part = 1; part <= 2; part++) { // 5 + 2 MiB: a multipart upload can carry more than declared
            HttpResponse<String> put = put(intent.at("/parts/" + (part - 1) + "/url").asText(),
                    new byte[part == 1 ? 5 * MIB : 2 * MIB]);
            parts.add(Map.of("partNumber", part, "etag", put.headers().firstValue("ETag").orElseThrow()));
        }

        HttpResponse<String> finalized = finalize(intent.path("mediaId").asText(), parts);

        assertThat(finalized.statusCode()).isEqualTo(422);
        assertThat(http.send("GET", "/media/" + intent.path("mediaId").asText(), null, token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_single_put_upload_finalized_with_invented_parts_is_400_naming_parts_and_can_still_be_finalized()
            throws Exception {
        byte[] png = TestImages.png(40, 30);
        JsonNode intent = intent("photo.png", "image/png", png.length);
        HttpResponse<String> put = put(intent.at("/parts/0/url").asText(), png);
        String mediaId = intent.path("mediaId").asText();

        HttpResponse<String> invented = finalize(mediaId, List.of(Map.of("partNumber", 1,
                "etag", put.headers().firstValue("ETag").orElseThrow())));

        assertThat(invented.statusCode()).as(invented.body()).isEqualTo(400);
        assertThat(json(invented).at("/errors/0/field").asText()).isEqualTo("parts");
        assertThat(finalize(mediaId, List.of()).statusCode()).isEqualTo(202);
    }

    @Test
    void a_file_name_with_a_right_to_left_override_is_400_naming_the_file_name() {
        HttpResponse<String> refused = intentResponse("invoice\u202Egpj.exe", "image/png", 100);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/field").asText()).isEqualTo("fileName");
    }

    @Test
    void a_single_put_url_refuses_more_bytes_than_declared() throws Exception {
        JsonNode intent = intent("photo.png", "image/png", 10);

        assertThat(put(intent.at("/parts/0/url").asText(), new byte[11]).statusCode()).isEqualTo(413);
    }

    @Test
    void a_put_to_the_upload_url_after_finalize_does_not_change_the_playback_bytes() throws Exception {
        byte[] png = TestImages.png(64, 48);
        JsonNode intent = intent("photo.png", "image/png", png.length);
        String uploadUrl = intent.at("/parts/0/url").asText();
        String mediaId = intent.path("mediaId").asText();
        assertThat(put(uploadUrl, png).statusCode()).isEqualTo(200);
        assertThat(finalize(mediaId, List.of()).statusCode()).isEqualTo(202);

        byte[] swapped = new byte[png.length];
        new Random(7).nextBytes(swapped);
        put(uploadUrl, swapped);

        assertThat(awaitProcessed(mediaId).path("status").asText()).isEqualTo("READY");
        HttpResponse<String> playback = http.send("GET", "/media/" + mediaId + "/playback-url", null, token);
        assertThat(get(json(playback).path("url").asText()).body()).isEqualTo(png);
    }

    @Test
    void a_tampered_or_unsigned_blob_url_is_403_problem_json() throws Exception {
        JsonNode intent = intent("photo.png", "image/png", 10);
        String url = intent.at("/parts/0/url").asText();

        HttpResponse<String> tampered = put(url.replace("signature=", "signature=x"), new byte[10]);
        HttpResponse<String> otherBlob = put(url.replace(intent.path("mediaId").asText(), UUID.randomUUID().toString()),
                new byte[10]);
        HttpResponse<String> unsigned = put(url.substring(0, url.indexOf('?')), new byte[10]);

        assertThat(List.of(tampered.statusCode(), otherBlob.statusCode(), unsigned.statusCode()))
                .containsOnly(403);
        assertThat(tampered.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void another_tenants_media_is_404() throws Exception {
        JsonNode intent = intent("photo.png", "image/png", 10);
        String ownersToken = token;
        newTenant();

        assertThat(http.send("GET", "/media/" + intent.path("mediaId").asText(), null, token).statusCode())
                .isEqualTo(404);
        assertThat(http.send("GET", "/media/" + intent.path("mediaId").asText(), null, ownersToken).statusCode())
                .isEqualTo(200);
    }

    @Test
    void deleting_a_pending_upload_cancels_it_and_releases_its_quota_at_once() throws Exception {
        JsonNode pending = intent("big.mp4", "video/mp4", 12L * MIB); // three 5 MiB parts
        String partUrl = pending.at("/parts/1/url").asText();
        assertThat(intentResponse("next.mp4", "video/mp4", 9L * MIB).statusCode()).as("20 MiB quota").isEqualTo(422);

        HttpResponse<String> deleted = http.send("DELETE", "/media/" + pending.path("mediaId").asText(), null, token);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(intentResponse("next.mp4", "video/mp4", 9L * MIB).statusCode()).as("no sweep needed").isEqualTo(201);
        assertThat(refused(partUrl, new byte[5 * MIB])).as("the multipart upload was aborted").isTrue();
        assertThat(http.send("GET", "/media/" + pending.path("mediaId").asText(), null, token).statusCode())
                .isEqualTo(404);
        assertThat(http.send("DELETE", "/media/" + pending.path("mediaId").asText(), null, token).statusCode())
                .as("deleted once").isEqualTo(404);
    }

    @Test
    void a_put_to_a_cancelled_single_put_upload_is_left_to_the_cleanup_once_its_url_expired() throws Exception {
        byte[] bytes = new byte[1000];
        JsonNode intent = intent("photo.png", "image/png", bytes.length);
        String mediaId = intent.path("mediaId").asText();
        assertThat(http.send("DELETE", "/media/" + mediaId, null, token).statusCode()).isEqualTo(204);

        // storage cannot revoke a single-PUT URL: it still stores bytes, of a record that no longer exists
        assertThat(put(intent.at("/parts/0/url").asText(), bytes).statusCode()).isEqualTo(200);

        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(file -> file.endsWith(Path.of(mediaId, "upload")))).as("staged").hasSize(1);
        }
        // the scheduler deletes that staging key an hour (the URL's lifetime) and 15 minutes after the intent,
        // too long to wait for here: MediaUseCasesTest runs that sweep on a clock it advances
        assertThat(database.queryNumberAsOwner("select count(*) from cancelled_uploads where media_id = ?::uuid "
                + "and upload_expires_at = ?::timestamptz", mediaId, intent.path("expiresAt").asText()))
                .as("remembered with the URL's expiry").isEqualTo(1);
    }

    @Test
    void deleting_processed_media_deletes_its_original_and_thumbnail_and_is_audited() throws Exception {
        byte[] png = TestImages.png(800, 600);
        JsonNode intent = intent("photo.png", "image/png", png.length);
        String mediaId = intent.path("mediaId").asText();
        assertThat(put(intent.at("/parts/0/url").asText(), png).statusCode()).isEqualTo(200);
        assertThat(finalize(mediaId, List.of()).statusCode()).isEqualTo(202);
        JsonNode ready = awaitProcessed(mediaId);
        assertThat(ready.path("status").asText()).isEqualTo("READY");
        String playbackUrl = json(http.send("GET", "/media/" + mediaId + "/playback-url", null, token)).path("url")
                .asText();
        String thumbnailUrl = ready.path("thumbnailUrl").asText();
        assertThat(get(playbackUrl).statusCode()).isEqualTo(200);

        assertThat(http.send("DELETE", "/media/" + mediaId, null, token).statusCode()).isEqualTo(204);

        assertThat(get(playbackUrl).statusCode()).as("the original is gone, though its URL has not expired")
                .isEqualTo(404);
        assertThat(get(thumbnailUrl).statusCode()).as("the thumbnail is gone").isEqualTo(404);
        assertThat(Files.walk(dataDir).filter(Files::isRegularFile).map(Path::toString)
                .filter(file -> file.contains(mediaId)).toList()).as("files left of the media").isEmpty();
        JsonNode audit = json(http.send("GET", "/admin/audit?action=media.deleted", null, token));
        assertThat(audit.path("items")).singleElement().satisfies(entry -> {
            assertThat(entry.path("targetId").asText()).isEqualTo(mediaId);
            assertThat(entry.path("actorId").asText()).isEqualTo(admin.userId());
        });
    }

    @Test
    void only_the_uploader_or_an_admin_deletes_media_whoever_else_sees_it_gets_403_and_the_rest_404() {
        ApiClient api = new ApiClient(server.port());
        ApiClient.Session athlete = api.join(admin, "ATHLETE");
        ApiClient.Session coach = api.join(admin, "COACH");
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Squad", "isPrivate", true), admin)
                .path("id").asText();
        api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", athlete.userId()), admin);
        String shared = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "drill.mp4",
                "contentType", "video/mp4", "sizeBytes", 1024, "spaceId", space), admin).path("mediaId").asText();
        String private_ = intent("mine.png", "image/png", 10).path("mediaId").asText();
        String athletes = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "serve.mp4",
                "contentType", "video/mp4", "sizeBytes", 2048), athlete).path("mediaId").asText();
        String coachs = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "plan.png",
                "contentType", "image/png", "sizeBytes", 10), coach).path("mediaId").asText();
        assertThat(api.send("GET", "/media/" + shared, null, athlete).statusCode()).as("the athlete sees it")
                .isEqualTo(200);

        HttpResponse<String> refused = api.send("DELETE", "/media/" + shared, null, athlete);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(refused).path("detail").asText()).contains("uploader or an ADMIN");
        assertThat(api.send("DELETE", "/media/" + private_, null, athlete).statusCode()).as("not seen").isEqualTo(404);
        assertThat(api.send("DELETE", "/media/" + coachs, null, athlete).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/media/" + UUID.randomUUID(), null, athlete).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/media/" + shared, null, admin).statusCode()).as("refusals change nothing")
                .isEqualTo(200);

        assertThat(api.send("DELETE", "/media/" + athletes, null, athlete).statusCode()).as("the uploader")
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/media/" + coachs, null, admin).statusCode()).as("an ADMIN").isEqualTo(204);
        assertThat(api.send("GET", "/media/" + coachs, null, coach).statusCode()).isEqualTo(404);
    }

    @Test
    void another_tenants_media_cannot_be_deleted_and_is_404() {
        String mediaId = intent("photo.png", "image/png", 10).path("mediaId").asText();
        String ownersToken = token;
        newTenant();

        assertThat(http.send("DELETE", "/media/" + mediaId, null, token).statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/media/" + mediaId, null, ownersToken).statusCode()).isEqualTo(200);
    }

    @Test
    void media_carried_by_a_post_is_deleted_and_the_post_keeps_its_id_which_answers_404() {
        String space = json(http.send("POST", "/spaces", write(Map.of("name", "Squad", "isPrivate", false)), token))
                .path("id").asText();
        String mediaId = intent("serve.mp4", "video/mp4", 1024).path("mediaId").asText();
        HttpResponse<String> post = http.send("POST", "/posts", write(Map.of("spaceId", space, "type", "MEDIA",
                "content", "Watch the toss", "mediaIds", List.of(mediaId))), token);
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);

        assertThat(http.send("DELETE", "/media/" + mediaId, null, token).statusCode()).isEqualTo(204);

        JsonNode after = json(http.send("GET", "/posts/" + json(post).path("id").asText(), null, token));
        assertThat(after.path("mediaIds").toString()).contains(mediaId);
        assertThat(http.send("GET", "/media/" + mediaId, null, token).statusCode()).isEqualTo(404);
    }

    @Test
    void video_review_readers_annotate_with_a_drawing_the_uploader_is_told_and_the_annotations_go_with_their_author()
            throws Exception {
        ApiClient api = new ApiClient(server.port());
        ApiClient.Session athlete = api.join(admin, "ATHLETE");
        ApiClient.Session coach = api.join(admin, "COACH");
        ApiClient.Session outsider = api.join(admin, "ATHLETE");
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Swing lab", "isPrivate", true), admin)
                .path("id").asText();
        for (ApiClient.Session member : List.of(athlete, coach)) {
            api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", member.userId()), admin);
        }
        String swing = api.readyImage(athlete);
        api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "MEDIA", "content", "My top position",
                "mediaIds", List.of(swing)), athlete);
        Map<String, Object> angle = Map.of("kind", "angle", "points", List.of(List.of(0.42, 0.31), List.of(0.47, 0.58),
                List.of(0.44, 0.86)), "color", "#FF3B30", "width", 3, "label", "142°");

        JsonNode note = api.expect(201, "POST", "/media/" + swing + "/annotations", Map.of("atMs", 0,
                "text", "Bend the knee more", "drawing", Map.of("version", 1, "shapes", List.of(angle))), coach);

        assertThat(note.path("authorId").asText()).isEqualTo(coach.userId());
        assertThat(note.at("/drawing/shapes/0/points/1/1").asDouble()).isEqualTo(0.58);
        assertThat(note.at("/drawing/shapes/0/label").asText()).isEqualTo("142°");
        assertThat(api.awaitNotification(athlete, "annotation.created").path("subjectId").asText()).isEqualTo(swing);
        JsonNode listed = api.expect(200, "GET", "/media/" + swing + "/annotations?fromMs=0&toMs=0", null, athlete);
        assertThat(listed.path("items")).singleElement()
                .satisfies(item -> assertThat(item.path("id").asText()).isEqualTo(note.path("id").asText()));
        assertThat(api.send("GET", "/media/" + swing + "/annotations", null, outsider).statusCode())
                .as("not a reader of the media").isEqualTo(404);
        assertThat(api.send("POST", "/media/" + swing + "/annotations", Map.of("atMs", 0, "text", "hi"), outsider)
                .statusCode()).isEqualTo(404);

        HttpResponse<String> afterTheImage = api.send("POST", "/media/" + swing + "/annotations",
                Map.of("atMs", 1, "text", "later"), coach);
        assertThat(afterTheImage.statusCode()).isEqualTo(422);
        assertThat(json(afterTheImage).path("detail").asText()).contains("atMs");
        HttpResponse<String> offTheFrame = api.send("POST", "/media/" + swing + "/annotations", Map.of("atMs", 0,
                "drawing", Map.of("version", 1, "shapes", List.of(Map.of("kind", "line", "points",
                        List.of(List.of(0.1, 0.1), List.of(1.5, 0.2)), "color", "#FFFFFF")))), coach);
        assertThat(offTheFrame.statusCode()).isEqualTo(400);
        assertThat(json(offTheFrame).at("/errors/0/field").asText()).isEqualTo("drawing.shapes.points");

        String path = "/annotations/" + note.path("id").asText();
        assertThat(api.send("PATCH", path, Map.of("text", "Not mine"), athlete).statusCode()).isEqualTo(403);
        assertThat(api.expect(200, "PATCH", path, Map.of("text", "Bend the knee a little more"), coach)
                .path("text").asText()).isEqualTo("Bend the knee a little more");

        byte[] voice = silentWav(1_500);
        JsonNode voiceIntent = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "knee.wav",
                "contentType", "audio/wav", "sizeBytes", voice.length), coach);
        String voiceOver = voiceIntent.path("mediaId").asText();
        assertThat(put(voiceIntent.at("/parts/0/url").asText(), voice).statusCode()).isEqualTo(200);
        api.expect(202, "POST", "/media/" + voiceOver + "/finalize", Map.of("parts", List.of()), coach);
        Await.until(() -> !api.expect(200, "GET", "/media/" + voiceOver, null, coach).path("status").asText()
                .equals("PROCESSING"), Duration.ofSeconds(20), "the voice-over processed");
        JsonNode processedVoice = api.expect(200, "GET", "/media/" + voiceOver, null, coach);
        assertThat(processedVoice.path("status").asText()).as(processedVoice.toString()).isEqualTo("READY");
        assertThat(processedVoice.path("durationMs").asLong()).isEqualTo(1_500);
        assertThat(processedVoice.path("thumbnailUrl").textValue()).as("audio has no picture").isNull();
        JsonNode spoken = api.expect(201, "POST", "/media/" + swing + "/annotations", Map.of("atMs", 0,
                "audioMediaId", voiceOver), coach);
        assertThat(spoken.path("audioMediaId").asText()).isEqualTo(voiceOver);
        assertThat(api.send("POST", "/media/" + voiceOver + "/annotations", Map.of("atMs", 0, "text", "hi"), coach)
                .statusCode()).as("a voice-over is no picture to annotate").isEqualTo(422);

        assertThat(api.send("DELETE", path, null, athlete).statusCode()).as("the uploader").isEqualTo(204);
        api.expect(201, "POST", "/media/" + swing + "/annotations", Map.of("atMs", 0, "text", "Again"), coach);
        api.expect(202, "DELETE", "/admin/users/" + coach.userId(), null, admin);
        assertThat(api.expect(200, "GET", "/media/" + swing + "/annotations", null, athlete).path("items"))
                .as("erased with their author").isEmpty();
    }

    /** {@code durationMs} of silence as a WAV file (8 kHz, mono, 16-bit PCM): a voice-over without ffmpeg. */
    private static byte[] silentWav(int durationMs) {
        int samples = 8_000 * durationMs / 1_000;
        int dataBytes = samples * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8_000).putInt(16_000) // PCM, mono, rate, bytes/s
                .putShort((short) 2).putShort((short) 16) // block align, bits per sample
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return wav.array();
    }

    private JsonNode awaitProcessed(String mediaId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode media = json(http.send("GET", "/media/" + mediaId, null, token));
            if (!media.path("status").asText().equals("PROCESSING") || Instant.now().isAfter(deadline)) {
                return media;
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> intentResponse(String fileName, String contentType, long size) {
        return http.send("POST", "/media/upload-intent", write(Map.of("fileName", fileName,
                "contentType", contentType, "sizeBytes", size)), token);
    }

    private JsonNode intent(String fileName, String contentType, long size) {
        HttpResponse<String> response = intentResponse(fileName, contentType, size);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private HttpResponse<String> finalize(String mediaId, List<Map<String, Object>> parts) {
        return http.send("POST", "/media/" + mediaId + "/finalize", write(Map.of("parts", parts)), token);
    }

    /** A plain client, no token: the signed URL is the whole grant. */
    private static HttpResponse<String> put(String url, byte[] content) throws Exception {
        return DocumentedApi.verified(CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Whether the signed URL refuses {@code content}: an error status, or the connection closed while the
     * client still sends the body (the server may answer early and close, as HTTP allows).
     */
    private static boolean refused(String url, byte[] content) throws Exception {
        try {
            return put(url, content).statusCode() >= 400;
        } catch (IOException closedMidBody) {
            return true;
        }
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return DocumentedApi.verified(CLIENT.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** Random pixels: PNG cannot compress them, so the file is about 3 bytes per pixel. */
    private static byte[] noisyPng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
