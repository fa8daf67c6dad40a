package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.testing.TestServices;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /media} on the wired server: one's own uploads newest first, paged, by status, an ADMIN's view of others. */
class MediaListEndToEndTest {

    private static CoachKitServer server;
    private static TestDatabase database;
    private ApiClient api;
    private Session admin;

    @BeforeAll
    static void start() throws IOException {
        int port = TestServices.freeLoopbackPort();
        database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_PUBLIC_URL", "http://127.0.0.1:" + port,
                "COACHKIT_DATA_DIR", Files.createTempDirectory("coachkit-media-list-e2e").toString(),
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_OUTBOX_POLL_MILLIS", "50"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newOrganization() {
        api = new ApiClient(server.port());
        admin = api.registerAdmin();
    }

    @Test
    void the_callers_uploads_come_newest_first_a_page_at_a_time_and_by_status() {
        String ready = api.readyImage(admin);
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pending.add(0, api.imageIntent(admin).path("mediaId").asText());
        }

        JsonNode first = api.expect(200, "GET", "/media?limit=2", null, admin);
        JsonNode second = api.expect(200, "GET", "/media?limit=2&cursor=" + first.path("nextCursor").asText(), null,
                admin);

        assertThat(ids(first)).containsExactly(pending.get(0), pending.get(1));
        assertThat(ids(second)).containsExactly(pending.get(2), ready);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(second.at("/items/1/status").asText()).isEqualTo("READY");
        assertThat(second.at("/items/1/thumbnailUrl").asText()).contains("/blobs/");
        assertThat(ids(api.expect(200, "GET", "/media?status=READY", null, admin))).containsExactly(ready);
        assertThat(ids(api.expect(200, "GET", "/media?status=PENDING_UPLOAD", null, admin)))
                .containsExactlyElementsOf(pending);
    }

    @Test
    void an_admin_lists_a_members_uploads_and_a_member_only_their_own() {
        Session athlete = api.join(admin, "ATHLETE");
        String athletes = api.imageIntent(athlete).path("mediaId").asText();
        String admins = api.imageIntent(admin).path("mediaId").asText();

        assertThat(ids(api.expect(200, "GET", "/media", null, athlete))).containsExactly(athletes);
        assertThat(ids(api.expect(200, "GET", "/media", null, admin))).containsExactly(admins);
        assertThat(ids(api.expect(200, "GET", "/media?uploaderId=" + athlete.userId(), null, admin)))
                .containsExactly(athletes);
        assertThat(ids(api.expect(200, "GET", "/media?uploaderId=" + athlete.userId(), null, athlete)))
                .containsExactly(athletes);
        HttpResponse<String> refused = api.send("GET", "/media?uploaderId=" + admin.userId(), null, athlete);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void another_organizations_admin_sees_none_of_its_members_uploads() {
        api.imageIntent(admin);
        Session stranger = new ApiClient(server.port()).registerAdmin();

        assertThat(ids(api.expect(200, "GET", "/media?uploaderId=" + admin.userId(), null, stranger))).isEmpty();
    }

    @Test
    void an_unknown_status_or_a_malformed_uploader_is_400_naming_the_field() {
        HttpResponse<String> status = api.send("GET", "/media?status=DONE", null, admin);
        HttpResponse<String> uploader = api.send("GET", "/media?uploaderId=nobody", null, admin);

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(status).at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(uploader.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(uploader).at("/errors/0/field").asText()).isEqualTo("uploaderId");
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("id");
    }
}
