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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /auth/me} on the wired server (PostgreSQL, local blob store, the media worker in process):
 * names, IANA time zone and avatar, the refusals field by field, and the zone in notification texts.
 */
class ProfileEndToEndTest {

    private static CoachKitServer server;
    private static TestDatabase database;
    private ApiClient api;
    private Session ann;

    @BeforeAll
    static void start() throws IOException {
        int port = TestServices.freeLoopbackPort();
        database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_PORT", Integer.toString(port),
                "COACHKIT_PUBLIC_URL", "http://127.0.0.1:" + port,
                "COACHKIT_DATA_DIR", Files.createTempDirectory("coachkit-profile-e2e").toString(),
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_OUTBOX_POLL_MILLIS", "50"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void signUp() {
        api = new ApiClient(server.port());
        ann = api.registerAdmin();
    }

    private HttpResponse<String> patch(Object body, Session as) {
        return api.send("PATCH", "/auth/me", body, as);
    }

    private JsonNode me(Session as) {
        return api.expect(200, "GET", "/auth/me", null, as).path("user");
    }

    /** The problem's field errors as {@code field: message}. */
    private static List<String> fieldErrors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return ApiClient.json(response).path("errors").findValuesAsText("field").stream().toList();
    }

    private static String message(HttpResponse<String> response) {
        return ApiClient.json(response).at("/errors/0/message").asText();
    }

    @Test
    void a_new_account_is_in_utc_without_avatar_and_each_field_changes_alone() {
        assertThat(me(ann).path("timeZone").asText()).isEqualTo("UTC");
        assertThat(me(ann).has("avatarMediaId")).as("present, as null").isTrue();
        assertThat(me(ann).path("avatarMediaId").isNull()).isTrue();

        JsonNode renamed = api.expect(200, "PATCH", "/auth/me", Map.of("firstName", "Annie"), ann);
        JsonNode relabelled = api.expect(200, "PATCH", "/auth/me", Map.of("lastName", "Meyer"), ann);
        JsonNode moved = api.expect(200, "PATCH", "/auth/me", Map.of("timeZone", "Europe/Berlin"), ann);

        assertThat(renamed.path("firstName").asText()).isEqualTo("Annie");
        assertThat(renamed.path("lastName").asText()).isEqualTo("Admin");
        assertThat(relabelled.path("lastName").asText()).isEqualTo("Meyer");
        assertThat(moved.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(moved.path("firstName").asText()).isEqualTo("Annie");
        assertThat(me(ann)).isEqualTo(moved);
        JsonNode signedIn = api.expect(200, "POST", "/auth/login", Map.of("email", moved.path("email").asText(),
                "password", ApiClient.PASSWORD), null);
        assertThat(signedIn.path("user")).as("AuthResult.user carries the profile").isEqualTo(moved);
    }

    @Test
    void a_zone_that_is_not_an_iana_region_is_refused_naming_time_zone() {
        for (String zone : List.of("+02:00", "GMT+2", "PST", "europe/berlin", "Europe/Atlantis", "")) {
            HttpResponse<String> refused = patch(Map.of("timeZone", zone), ann);

            assertThat(fieldErrors(refused)).as(zone).containsExactly("timeZone");
            assertThat(message(refused)).contains("IANA time zone");
        }
        assertThat(me(ann).path("timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    void invalid_names_a_null_name_and_a_body_that_sets_nothing_are_refused() {
        assertThat(fieldErrors(patch(Map.of("firstName", " ", "lastName", "x".repeat(101)), ann)))
                .containsExactlyInAnyOrder("firstName", "lastName");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("lastName", null);
        assertThat(fieldErrors(patch(nullName, ann))).containsExactly("lastName");
        assertThat(fieldErrors(patch(Map.of(), ann))).containsExactly("body");
        assertThat(fieldErrors(patch(Map.of("timezone", "Europe/Berlin"), ann))).as("a misspelt field sets nothing")
                .containsExactly("body");
        assertThat(me(ann).path("lastName").asText()).isEqualTo("Admin");
    }

    @Test
    void without_a_token_it_is_401() {
        HttpResponse<String> response = patch(Map.of("timeZone", "Europe/Berlin"), null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_ready_image_of_the_caller_becomes_the_avatar_null_removes_it_and_deleting_the_media_clears_it() {
        String image = api.readyImage(ann);

        JsonNode withAvatar = api.expect(200, "PATCH", "/auth/me", Map.of("avatarMediaId", image), ann);
        Map<String, Object> clear = new HashMap<>();
        clear.put("avatarMediaId", null);
        JsonNode cleared = api.expect(200, "PATCH", "/auth/me", clear, ann);
        api.expect(200, "PATCH", "/auth/me", Map.of("avatarMediaId", image), ann);
        api.expect(204, "DELETE", "/media/" + image, null, ann);

        assertThat(withAvatar.path("avatarMediaId").asText()).isEqualTo(image);
        assertThat(cleared.path("avatarMediaId").isNull()).isTrue();
        assertThat(me(ann).path("avatarMediaId").isNull()).as("the deleted media is no avatar").isTrue();
    }

    @Test
    void erasing_a_member_takes_the_avatar_uploaded_there_off_the_account_kept_for_other_organizations() {
        String bosEmail = ApiClient.uniqueEmail("bo");
        Session boAtHome = api.registerAdmin(bosEmail);
        String token = api.expect(201, "POST", "/tenants/" + ann.tenantId() + "/invite", Map.of("email", bosEmail,
                "role", "COACH"), ann).path("acceptToken").asText();
        Session boHere = Session.from(api.expect(200, "POST", "/invitations/" + token + "/accept", null, boAtHome));
        api.expect(200, "PATCH", "/auth/me", Map.of("avatarMediaId", api.readyImage(boHere)), boHere);

        api.expect(202, "DELETE", "/admin/users/" + boHere.userId(), null, ann);

        assertThat(me(boAtHome).path("email").asText()).as("the account lives on").isEqualTo(bosEmail);
        assertThat(me(boAtHome).path("avatarMediaId").isNull()).isTrue();
    }

    @Test
    void an_avatar_of_another_organization_or_member_is_refused_like_an_id_of_nowhere() {
        Session stranger = api.registerAdmin();
        Session bo = api.join(ann, "COACH");
        String theirs = api.readyImage(stranger);
        String bos = api.readyImage(bo);
        HttpResponse<String> nowhere = patch(Map.of("avatarMediaId", UUID.randomUUID().toString()), ann);

        for (String id : List.of(theirs, bos)) {
            HttpResponse<String> refused = patch(Map.of("avatarMediaId", id), ann);

            assertThat(fieldErrors(refused)).containsExactly("avatarMediaId");
            assertThat(ApiClient.json(refused).path("detail").asText().replace(id, "ID")).as("nothing leaks")
                    .isEqualTo(ApiClient.json(nowhere).path("detail").asText());
            assertThat(message(refused)).isEqualTo(message(nowhere));
        }
    }

    @Test
    void an_avatar_that_is_no_image_or_not_ready_is_refused() {
        String video = api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "serve.mp4",
                "contentType", "video/mp4", "sizeBytes", 1024), ann).path("mediaId").asText();
        String pending = api.uploadedImage(ann);

        HttpResponse<String> notImage = patch(Map.of("avatarMediaId", video), ann);
        HttpResponse<String> notReady = patch(Map.of("avatarMediaId", pending), ann);

        assertThat(fieldErrors(notImage)).containsExactly("avatarMediaId");
        assertThat(message(notImage)).isEqualTo("must be an image, not a video");
        assertThat(fieldErrors(notReady)).containsExactly("avatarMediaId");
        assertThat(message(notReady)).isEqualTo("must be READY; this image is PENDING_UPLOAD");
    }

    @Test
    void coach_and_athlete_read_the_booked_session_in_their_own_zones() {
        Session coach = api.join(ann, "COACH");
        Session athlete = api.join(ann, "ATHLETE");
        api.expect(200, "PATCH", "/auth/me", Map.of("timeZone", "Europe/Berlin"), coach);
        api.expect(200, "PATCH", "/auth/me", Map.of("timeZone", "America/New_York"), athlete);

        Instant start = Instant.parse(api.bookNextWeek(coach, athlete).path("startsAt").asText());

        assertThat(api.awaitNotification(coach, "session.scheduled").path("body").asText())
                .contains(wallClock(start, "Europe/Berlin"));
        assertThat(api.awaitNotification(athlete, "session.scheduled").path("body").asText())
                .contains(wallClock(start, "America/New_York"));
    }

    /** The hour from {@code start} on the clocks of {@code zone}, as the texts write it: {@code 11:00–12:00 (Europe/Berlin)}. */
    private static String wallClock(Instant start, String zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        ZonedDateTime local = start.atZone(ZoneId.of(zone));
        return time.format(local) + "–" + time.format(local.plusHours(1)) + " (" + zone + ")";
    }
}
