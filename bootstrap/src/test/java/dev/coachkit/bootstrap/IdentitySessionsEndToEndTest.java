package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed-in devices and password change over HTTP on the wired server (PostgreSQL, Redis for limits and
 * revocations): each device is a client of its own address and user agent (the server trusts the loopback
 * proxy), so the list shows where each session was signed in from.
 */
class IdentitySessionsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a longer and better passphrase";

    private static CoachKitServer server;
    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A client with an address and user agent of its own. */
    private record Device(String address, String userAgent, HttpProbe http) {
        static Device named(String userAgent) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
            return new Device(address, userAgent, new HttpProbe(server.port())
                    .withHeaders(Map.of("X-Forwarded-For", address, "User-Agent", userAgent)));
        }
    }

    @Test
    void two_sign_ins_are_two_devices_and_signing_one_out_ends_its_refresh_and_access_tokens() {
        Device laptop = Device.named("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Safari/605.1.15");
        Device phone = Device.named("CoachKit/3.2 (iPhone; iOS 18.1)");
        String email = uniqueEmail("ann");
        JsonNode onLaptop = register(laptop, email);
        JsonNode onPhone = login(phone, email, PASSWORD);
        String laptopToken = onLaptop.path("accessToken").asText();

        JsonNode devices = devices(laptop, laptopToken);

        assertThat(devices).hasSize(2);
        JsonNode newest = devices.get(0);
        JsonNode current = devices.get(1);
        assertThat(newest.path("current").asBoolean()).as("the phone signed in last").isFalse();
        assertThat(newest.path("ip").asText()).isEqualTo(phone.address());
        assertThat(newest.path("userAgent").asText()).isEqualTo(phone.userAgent());
        assertThat(current.path("current").asBoolean()).isTrue();
        assertThat(current.path("ip").asText()).isEqualTo(laptop.address());
        assertThat(current.path("userAgent").asText()).isEqualTo(laptop.userAgent());
        assertThat(current.path("createdAt").asText()).isEqualTo(current.path("lastUsedAt").asText());
        JsonNode fromPhone = devices(phone, onPhone.path("accessToken").asText());
        assertThat(fromPhone).filteredOn(device -> device.path("current").asBoolean()).singleElement()
                .satisfies(device -> assertThat(device.path("id")).isEqualTo(newest.path("id")));

        HttpResponse<String> signedOut = laptop.http().send("DELETE", "/auth/sessions/" + newest.path("id").asText(),
                null, laptopToken);

        assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(204);
        assertThat(refresh(phone, onPhone.path("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(phone.http().send("GET", "/auth/me", null, onPhone.path("accessToken").asText()).statusCode())
                .as("the phone's access token, at once").isEqualTo(401);
        assertThat(laptop.http().send("GET", "/auth/me", null, laptopToken).statusCode()).isEqualTo(200);
        assertThat(devices(laptop, laptopToken)).singleElement()
                .satisfies(device -> assertThat(device.path("current").asBoolean()).isTrue());
        assertThat(auditedCount(onLaptop.at("/tenant/id").asText(), "account.session_signed_out")).isOne();
        HttpResponse<String> refreshed = refresh(laptop, onLaptop.path("refreshToken").asText());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(devices(laptop, json(refreshed).path("accessToken").asText())).singleElement()
                .satisfies(device -> {
                    assertThat(device.path("id")).isEqualTo(current.path("id"));
                    assertThat(device.path("current").asBoolean()).isTrue();
                });
    }

    @Test
    void a_session_that_is_not_a_live_one_of_the_callers_account_is_not_found() {
        Device laptop = Device.named("Laptop/1.0");
        Device stranger = Device.named("Stranger/1.0");
        JsonNode ann = register(laptop, uniqueEmail("ann"));
        JsonNode bo = register(stranger, uniqueEmail("bo"));
        String annToken = ann.path("accessToken").asText();
        String bosSession = devices(stranger, bo.path("accessToken").asText()).get(0).path("id").asText();
        JsonNode second = login(laptop, ann.at("/user/email").asText(), PASSWORD);
        String annsSecond = currentId(laptop, second.path("accessToken").asText());
        assertThat(laptop.http().send("DELETE", "/auth/sessions/" + annsSecond, null, annToken).statusCode())
                .isEqualTo(204);

        for (String id : List.of(bosSession, annsSecond, UUID.randomUUID().toString())) {
            HttpResponse<String> response = laptop.http().send("DELETE", "/auth/sessions/" + id, null, annToken);
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(laptop.http().send("DELETE", "/auth/sessions/not-a-uuid", null, annToken).statusCode())
                .isEqualTo(400);
        assertThat(stranger.http().send("GET", "/auth/me", null, bo.path("accessToken").asText()).statusCode())
                .as("Bo's session goes on").isEqualTo(200);
        assertThat(laptop.http().send("GET", "/auth/sessions", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_password_change_signs_the_other_devices_out_and_the_caller_goes_on() {
        Device laptop = Device.named("Laptop/1.0");
        Device phone = Device.named("Phone/1.0");
        String email = uniqueEmail("ann");
        JsonNode onLaptop = register(laptop, email);
        JsonNode onPhone = login(phone, email, PASSWORD);
        String laptopToken = onLaptop.path("accessToken").asText();

        HttpResponse<String> wrong = changePassword(laptop, laptopToken, "not my password", NEW_PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly("currentPassword");
        assertThat(json(wrong).at("/errors/0/message").asText()).isNotBlank();
        HttpResponse<String> tooShort = changePassword(laptop, laptopToken, PASSWORD, "short");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(fields(tooShort)).containsExactly("password");
        assertThat(phone.http().send("GET", "/auth/me", null, onPhone.path("accessToken").asText()).statusCode())
                .as("a refused change ends nothing").isEqualTo(200);

        HttpResponse<String> changed = changePassword(laptop, laptopToken, PASSWORD, NEW_PASSWORD);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(phone.http().send("GET", "/auth/me", null, onPhone.path("accessToken").asText()).statusCode())
                .as("the other device's access token").isEqualTo(401);
        assertThat(refresh(phone, onPhone.path("refreshToken").asText()).statusCode())
                .as("the other device's refresh token").isEqualTo(401);
        assertThat(laptop.http().send("GET", "/auth/me", null, laptopToken).statusCode()).isEqualTo(200);
        assertThat(refresh(laptop, onLaptop.path("refreshToken").asText()).statusCode()).isEqualTo(200);
        assertThat(post(phone, "/auth/login", Map.of("email", email, "password", PASSWORD), null).statusCode())
                .as("the old password").isEqualTo(401);
        login(phone, email, NEW_PASSWORD);
        assertThat(auditedCount(onLaptop.at("/tenant/id").asText(), "account.password_changed")).isOne();
    }

    @Test
    void guessing_the_current_password_is_stopped_like_guessing_at_sign_in() {
        Device laptop = Device.named("Laptop/1.0");
        JsonNode ann = register(laptop, uniqueEmail("ann"));
        String token = ann.path("accessToken").asText();

        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 15 && (last == null || last.statusCode() != 429); attempt++) {
            last = changePassword(Device.named("Guesser/" + attempt), token, "guess " + attempt, NEW_PASSWORD);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void an_erased_member_leaves_no_device_behind_in_the_organization() {
        Device laptop = Device.named("Laptop/1.0");
        Device phone = Device.named("Phone/1.0");
        JsonNode admin = register(laptop, uniqueEmail("ann"));
        String adminToken = admin.path("accessToken").asText();
        String email = uniqueEmail("bo");
        String acceptToken = json(post(laptop, "/tenants/" + admin.at("/tenant/id").asText() + "/invite",
                Map.of("email", email, "role", "ATHLETE"), adminToken)).path("acceptToken").asText();
        JsonNode bo = json(post(phone, "/invitations/" + acceptToken + "/accept", Map.of("password", PASSWORD,
                "firstName", "Bo", "lastName", "Athlete"), null));
        login(phone, email, PASSWORD);
        String boId = bo.at("/user/id").asText();
        assertThat(database.queryNumberAsOwner("select count(*) from refresh_families where account_id = ?::uuid"
                + " and user_agent = ?", boId, phone.userAgent())).isEqualTo(2);

        HttpResponse<String> erased = laptop.http().send("DELETE", "/admin/users/" + boId, null, adminToken);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
        assertThat(database.queryNumberAsOwner("select count(*) from refresh_families where account_id = ?::uuid",
                boId)).isZero();
        assertThat(database.queryNumberAsOwner("select count(*) from refresh_tokens where account_id = ?::uuid",
                boId)).isZero();
        assertThat(refresh(phone, bo.path("refreshToken").asText()).statusCode()).isEqualTo(401);
    }

    private JsonNode devices(Device device, String accessToken) {
        HttpResponse<String> response = device.http().send("GET", "/auth/sessions", null, accessToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private String currentId(Device device, String accessToken) {
        for (JsonNode session : devices(device, accessToken)) {
            if (session.path("current").asBoolean()) {
                return session.path("id").asText();
            }
        }
        throw new AssertionError("no current session");
    }

    private HttpResponse<String> changePassword(Device device, String accessToken, String current, String next) {
        return post(device, "/auth/me/password", Map.of("currentPassword", current, "newPassword", next),
                accessToken);
    }

    private static List<String> fields(HttpResponse<String> problem) {
        List<String> fields = new ArrayList<>();
        json(problem).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private JsonNode register(Device device, String email) {
        HttpResponse<String> response = post(device, "/auth/register", Map.of("email", email, "password", PASSWORD,
                "firstName", "Ann", "lastName", "Admin", "organizationName", "Club of " + email), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private JsonNode login(Device device, String email, String password) {
        HttpResponse<String> response = post(device, "/auth/login", Map.of("email", email, "password", password),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> refresh(Device device, String refreshToken) {
        return post(device, "/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }

    private static HttpResponse<String> post(Device device, String path, Map<String, String> body, String token) {
        try {
            return device.http().send("POST", path, JSON.writeValueAsString(body), token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@club.test";
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static long auditedCount(String tenantId, String action) {
        return database.queryNumberAsOwner("select count(*) from audit_events where tenant_id = ?::uuid"
                + " and action = ?", tenantId, action);
    }
}
