package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.application.testing.TestServices;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GDPR exports over HTTP on the wired server with the local blob store: an ADMIN exports one
 * member or the whole organization, follows the export to READY and downloads the ZIP through its
 * presigned URL with a plain HTTP client.
 */
class ExportEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PLAIN = HttpClient.newHttpClient();

    private static final byte[] PNG = TestImages.png(16, 16);

    private static CoachKitServer server;
    private ApiClient api;
    private Session admin;
    private Session coach;
    private Session athlete;
    private String athletesEmail;

    @BeforeAll
    static void start() throws IOException {
        int port = TestServices.freeLoopbackPort();
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(Map.of(
                "COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_PUBLIC_URL", "http://127.0.0.1:" + port,
                "COACHKIT_DATA_DIR", Files.createTempDirectory("coachkit-export-e2e").toString(),
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_OUTBOX_POLL_MILLIS", "50",
                "COACHKIT_EXPORT_URL_MINUTES", "15"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A coach and an athlete who share a space, posts, comments, a session, notifications and a photo. */
    @BeforeEach
    void club() throws Exception {
        api = new ApiClient(server.port());
        admin = api.registerAdmin();
        coach = api.join(admin, "COACH");
        athlete = api.join(admin, "ATHLETE");
        athletesEmail = api.expect(200, "GET", "/auth/me", null, athlete).at("/user/email").asText();
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Track", "isPrivate", true), coach)
                .path("id").asText();
        api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", athlete.userId()), coach);
        String coachesPost = post(coach, space, "Coach's interval plan");
        String athletesPost = post(athlete, space, "Athlete's race report");
        api.expect(201, "POST", "/posts/" + coachesPost + "/comments", Map.of("content", "Athlete says thanks"),
                athlete);
        api.expect(201, "POST", "/posts/" + athletesPost + "/comments", Map.of("content", "Coach says well run"),
                coach);
        List<Map<String, String>> allWeek = Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("dayOfWeek", day.name(), "startTime", "00:00", "endTime", "23:59")).toList();
        api.expect(200, "POST", "/scheduling/availability", Map.of("timeZone", "UTC", "slots", allWeek), coach);
        // 10:00 to 11:00 UTC three days ahead: inside the availability whatever the time of day the test runs
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC);
        api.expect(201, "POST", "/scheduling/sessions/book", Map.of("coachId", coach.userId(),
                "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString()), athlete);
        uploadPhoto(athlete);
        awaitNotifications(athlete, 3); // the coach's post, the coach's comment, the booked session
    }

    @Test
    void a_members_export_holds_their_data_and_nothing_of_the_other_member_or_organization() throws Exception {
        Session otherAdmin = new ApiClient(server.port()).registerAdmin();
        String otherSpace = api.expect(201, "POST", "/spaces", Map.of("name", "Elsewhere", "isPrivate", false),
                otherAdmin).path("id").asText();
        post(otherAdmin, otherSpace, "Another club's secret");

        JsonNode accepted = api.expect(202, "POST", "/admin/export", Map.of("userId", athlete.userId()), admin);
        assertThat(accepted.path("status").asText()).isEqualTo("PENDING");
        JsonNode ready = awaitReady(accepted.path("id").asText());
        assertThat(Instant.parse(ready.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        Map<String, String> files = download(ready.path("downloadUrl").asText());

        assertThat(rows(files, "members.json")).singleElement().satisfies(member -> {
            assertThat(member.path("userId").asText()).isEqualTo(athlete.userId());
            assertThat(member.path("email").asText()).isEqualTo(athletesEmail);
            assertThat(member.path("role").asText()).isEqualTo("ATHLETE");
        });
        assertThat(texts(files, "posts.json", "content")).containsExactly("Athlete's race report");
        assertThat(texts(files, "comments.json", "content")).containsExactly("Athlete says thanks");
        assertThat(rows(files, "sessions.json")).singleElement().satisfies(session -> {
            assertThat(session.path("athleteId").asText()).isEqualTo(athlete.userId());
            assertThat(session.path("coachId").asText()).as("the other party, by id only").isEqualTo(coach.userId());
        });
        assertThat(texts(files, "notifications.json", "recipientId")).isNotEmpty()
                .allMatch(athlete.userId()::equals);
        assertThat(texts(files, "spaces.json", "name")).containsExactly("Track");
        assertThat(rows(files, "availability.json")).as("athletes publish no availability").isEmpty();
        assertThat(rows(files, "orders.json")).as("the athlete bought nothing").isEmpty();
        assertThat(rows(files, "credit-ledger.json")).as("nor had any credits").isEmpty();
        JsonNode photo = rows(files, "media.json").get(0);
        assertThat(photo.path("uploaderId").asText()).isEqualTo(athlete.userId());
        assertThat(get(photo.path("originalUrl").asText()).body()).isEqualTo(PNG);

        String everything = String.join("\n", files.values());
        // the coach's last name is COACH (see ApiClient.join); their role is not exported either
        assertThat(everything).doesNotContain(coachesEmail(), "Coach's interval plan", "Coach says well run",
                "\"COACH\"", "Another club's secret", otherAdmin.userId(), admin.userId());
    }

    @Test
    void a_whole_organization_export_holds_every_member_and_their_content() throws Exception {
        JsonNode accepted = api.expect(202, "POST", "/admin/export", null, admin);

        Map<String, String> files = download(awaitReady(accepted.path("id").asText()).path("downloadUrl").asText());

        assertThat(texts(files, "members.json", "userId"))
                .containsExactlyInAnyOrder(admin.userId(), coach.userId(), athlete.userId());
        assertThat(texts(files, "posts.json", "content"))
                .containsExactlyInAnyOrder("Coach's interval plan", "Athlete's race report");
        assertThat(texts(files, "comments.json", "content"))
                .containsExactlyInAnyOrder("Athlete says thanks", "Coach says well run");
        assertThat(texts(files, "availability.json", "coachId")).hasSize(7).allMatch(coach.userId()::equals);
        assertThat(JSON.readTree(files.get("export.json")).path("userId").isNull()).isTrue();
    }

    @Test
    void only_admins_export_and_only_their_own_organizations_members_and_exports() {
        api.expect(403, "POST", "/admin/export", Map.of("userId", athlete.userId()), coach);
        Session otherAdmin = new ApiClient(server.port()).registerAdmin();
        api.expect(404, "POST", "/admin/export", Map.of("userId", otherAdmin.userId()), admin);
        String id = api.expect(202, "POST", "/admin/export", Map.of("userId", athlete.userId()), admin)
                .path("id").asText();

        api.expect(404, "GET", "/admin/exports/" + id, null, otherAdmin);
        api.expect(403, "GET", "/admin/exports/" + id, null, athlete);
        JsonNode audit = api.expect(200, "GET", "/admin/audit?action=data.export_requested", null, admin);
        assertThat(audit.path("items")).singleElement().satisfies(entry -> {
            assertThat(entry.path("targetId").asText()).isEqualTo(id);
            assertThat(entry.path("ip").asText()).isEqualTo(api.clientAddress());
        });
    }

    private String post(Session author, String space, String content) {
        return api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content", content), author)
                .path("id").asText();
    }

    private String coachesEmail() {
        return api.expect(200, "GET", "/auth/me", null, coach).at("/user/email").asText();
    }

    private void uploadPhoto(Session uploader) throws Exception {
        JsonNode intent = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "finish.png",
                "contentType", "image/png", "sizeBytes", PNG.length), uploader);
        HttpResponse<byte[]> put = DocumentedApi.verified(PLAIN.send(HttpRequest.newBuilder(
                URI.create(intent.at("/parts/0/url").asText())).PUT(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(put.statusCode()).isEqualTo(200);
        api.expect(202, "POST", "/media/" + intent.path("mediaId").asText() + "/finalize",
                Map.of("parts", List.of()), uploader);
    }

    private void awaitNotifications(Session recipient, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (api.expect(200, "GET", "/notifications", null, recipient).path("items").size() < count
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private JsonNode awaitReady(String exportId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode export = api.expect(200, "GET", "/admin/exports/" + exportId, null, admin);
        while (export.path("status").asText().equals("PENDING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            export = api.expect(200, "GET", "/admin/exports/" + exportId, null, admin);
        }
        assertThat(export.path("status").asText()).as(export.toString()).isEqualTo("READY");
        return export;
    }

    /** The archive's files by name, fetched with a plain client: the presigned URL is the whole grant. */
    private static Map<String, String> download(String url) throws Exception {
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return DocumentedApi.verified(PLAIN.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static List<JsonNode> rows(Map<String, String> files, String file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(files.get(file)).forEach(rows::add);
        return rows;
    }

    private static List<String> texts(Map<String, String> files, String file, String field) throws IOException {
        return rows(files, file).stream().map(row -> row.path(field).asText()).toList();
    }
}
