package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity flows over HTTP on the wired server (PostgreSQL with RLS, Redis for limits and
 * revocations). Each test comes from its own client address (the server trusts the loopback proxy),
 * so rate limits of one test never spill into another.
 */
class IdentityEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    private static CoachKitServer server;
    private static TestDatabase database;
    private HttpProbe http;

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

    @BeforeEach
    void newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        http = new HttpProbe(server.port()).withHeaders(Map.of("X-Forwarded-For", address));
    }

    @Test
    void register_login_and_me() {
        JsonNode registered = register(uniqueEmail("ann"));
        assertThat(registered.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(registered.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(registered.path("role").asText()).isEqualTo("ADMIN");

        JsonNode session = login(registered.at("/user/email").asText(), PASSWORD);
        HttpResponse<String> me = http.send("GET", "/auth/me", null, session.path("accessToken").asText());

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json(me);
        assertThat(body.at("/user/id").asText()).isEqualTo(registered.at("/user/id").asText());
        assertThat(body.at("/tenant/id").asText()).isEqualTo(registered.at("/tenant/id").asText());
        assertThat(body.path("tenants")).hasSize(1);
        assertThat(me.headers().firstValue("RateLimit-Limit")).isPresent();
    }

    @Test
    void a_taken_email_is_409_and_invalid_fields_are_named() {
        String email = uniqueEmail("ann");
        register(email);

        assertThat(post("/auth/register", registration(email), null).statusCode()).isEqualTo(409);
        HttpResponse<String> invalid = post("/auth/register", Map.of("email", "nope", "password", "short",
                "firstName", "A", "lastName", "B", "organizationName", "C"), null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"email\"", "\"password\"");
    }

    @Test
    void a_common_password_or_one_containing_the_emails_name_is_refused_with_the_reason() {
        String email = uniqueEmail("ann");
        Map<String, String> common = new HashMap<>(registration(email));
        common.put("password", "password123");
        Map<String, String> named = new HashMap<>(registration(email));
        named.put("password", email.substring(0, email.indexOf('@')).toUpperCase() + "!");

        HttpResponse<String> tooCommon = post("/auth/register", common, null);
        HttpResponse<String> containsName = post("/auth/register", named, null);

        assertThat(tooCommon.statusCode()).as(tooCommon.body()).isEqualTo(400);
        assertThat(json(tooCommon).path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo("password");
            assertThat(error.path("message").asText()).startsWith("is too common");
        });
        assertThat(containsName.statusCode()).as(containsName.body()).isEqualTo(400);
        assertThat(json(containsName).path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo("password");
            assertThat(error.path("message").asText()).startsWith("must not contain your e-mail's name");
        });
        JsonNode admin = register(email); // nothing was created: the e-mail is still free

        String acceptPath = "/invitations/" + json(post("/tenants/" + admin.at("/tenant/id").asText() + "/invite",
                Map.of("email", uniqueEmail("bo"), "role", "ATHLETE"), admin.path("accessToken").asText()))
                .path("acceptToken").asText() + "/accept";
        HttpResponse<String> refused = post(acceptPath,
                Map.of("password", "iloveyou", "firstName", "Bo", "lastName", "Athlete"), null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).at("/errors/0/field").asText()).isEqualTo("password");
        assertThat(post(acceptPath, Map.of("password", PASSWORD, "firstName", "Bo", "lastName", "Athlete"), null)
                .statusCode()).as("the invitation stayed open").isEqualTo(200);
    }

    @Test
    void unknown_email_and_wrong_password_get_the_same_401() {
        String email = uniqueEmail("ann");
        register(email);

        HttpResponse<String> unknown = post("/auth/login", Map.of("email", uniqueEmail("nobody"), "password", PASSWORD), null);
        HttpResponse<String> wrong = post("/auth/login", Map.of("email", email, "password", "wrong password"), null);

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("detail")).isEqualTo(json(unknown).path("detail"));
        assertThat(json(wrong).path("title")).isEqualTo(json(unknown).path("title"));
    }

    @Test
    void refresh_rotates_and_reuse_revokes_the_family() {
        JsonNode first = register(uniqueEmail("ann"));
        HttpResponse<String> rotated = refresh(first.path("refreshToken").asText());
        assertThat(rotated.statusCode()).isEqualTo(200);

        assertThat(refresh(first.path("refreshToken").asText()).statusCode()).isEqualTo(401);
        assertThat(refresh(json(rotated).path("refreshToken").asText()).statusCode())
                .as("the family is revoked").isEqualTo(401);
    }

    @Test
    void concurrent_double_refresh_yields_at_most_one_new_pair() {
        String token = register(uniqueEmail("ann")).path("refreshToken").asText();
        List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> refresh(token)));
        }

        long succeeded = attempts.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();

        assertThat(succeeded).isLessThanOrEqualTo(1);
    }

    @Test
    void logout_ends_the_access_token_and_the_session() {
        JsonNode session = register(uniqueEmail("ann"));
        String access = session.path("accessToken").asText();

        HttpResponse<String> logout = http.send("POST", "/auth/logout",
                write(Map.of("refreshToken", session.path("refreshToken").asText())), access);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(http.send("GET", "/auth/me", null, access).statusCode()).isEqualTo(401);
        assertThat(refresh(session.path("refreshToken").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void logout_with_a_refresh_token_of_another_account_is_refused_and_leaves_both_sessions_alive() {
        JsonNode caller = register(uniqueEmail("ann"));
        JsonNode other = register(uniqueEmail("olga"));
        String access = caller.path("accessToken").asText();

        HttpResponse<String> logout = http.send("POST", "/auth/logout",
                write(Map.of("refreshToken", other.path("refreshToken").asText())), access);

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(json(logout).at("/errors/0/field").asText()).isEqualTo("refreshToken");
        assertThat(http.send("GET", "/auth/me", null, access).statusCode()).isEqualTo(200);
        assertThat(refresh(caller.path("refreshToken").asText()).statusCode()).isEqualTo(200);
        assertThat(refresh(other.path("refreshToken").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_invitation_is_accepted_only_by_the_account_of_the_invited_email() {
        JsonNode admin = register(uniqueEmail("ann"));
        JsonNode bystander = register(uniqueEmail("mallory"));
        String tenantId = admin.at("/tenant/id").asText();
        String invitee = uniqueEmail("bo");
        String acceptPath = "/invitations/" + json(post("/tenants/" + tenantId + "/invite",
                Map.of("email", invitee, "role", "ADMIN"), admin.path("accessToken").asText()))
                .path("acceptToken").asText() + "/accept";

        HttpResponse<String> stolen = http.send("POST", acceptPath, null, bystander.path("accessToken").asText());
        HttpResponse<String> accepted = post(acceptPath,
                Map.of("password", PASSWORD, "firstName", "Bo", "lastName", "Rower"), null);

        assertThat(stolen.statusCode()).as(stolen.body()).isEqualTo(403);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).at("/user/email").asText()).isEqualTo(invitee);
        assertThat(json(accepted).path("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void an_invitation_is_accepted_once_by_a_new_account() {
        JsonNode admin = register(uniqueEmail("ann"));
        String tenantId = admin.at("/tenant/id").asText();
        HttpResponse<String> invited = post("/tenants/" + tenantId + "/invite",
                Map.of("email", uniqueEmail("bo"), "role", "ATHLETE"), admin.path("accessToken").asText());
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(json(invited).path("status").asText()).isEqualTo("PENDING");
        String acceptPath = "/invitations/" + json(invited).path("acceptToken").asText() + "/accept";
        Map<String, String> newAccount = Map.of("password", PASSWORD, "firstName", "Bo", "lastName", "Athlete");

        HttpResponse<String> accepted = post(acceptPath, newAccount, null);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).path("role").asText()).isEqualTo("ATHLETE");
        assertThat(json(accepted).at("/tenant/id").asText()).isEqualTo(tenantId);
        assertThat(post(acceptPath, newAccount, null).statusCode()).isEqualTo(409);
        HttpResponse<String> members = http.send("GET", "/tenants/" + tenantId + "/members?limit=1", null,
                admin.path("accessToken").asText());
        assertThat(json(members).path("items")).hasSize(1);
        assertThat(json(members).path("nextCursor").isTextual()).isTrue();
    }

    @Test
    void an_admin_changes_a_members_role_and_it_is_audited() {
        JsonNode admin = register(uniqueEmail("ann"));
        String tenantId = admin.at("/tenant/id").asText();
        String token = json(post("/tenants/" + tenantId + "/invite", Map.of("email", uniqueEmail("bo"), "role", "ATHLETE"),
                admin.path("accessToken").asText())).path("acceptToken").asText();
        JsonNode athlete = json(post("/invitations/" + token + "/accept",
                Map.of("password", PASSWORD, "firstName", "Bo", "lastName", "Athlete"), null));
        String userId = athlete.at("/user/id").asText();

        HttpResponse<String> changed = http.send("PATCH", "/tenants/" + tenantId + "/members/" + userId,
                write(Map.of("role", "COACH")), admin.path("accessToken").asText());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("role").asText()).isEqualTo("COACH");
        assertThat(json(refresh(athlete.path("refreshToken").asText())).path("role").asText()).isEqualTo("COACH");
        assertThat(database.queryNumberAsOwner("select count(*) from audit_events where tenant_id = ?::uuid"
                + " and action = 'member.role_changed' and target_id = ?", tenantId, userId)).isEqualTo(1);
        assertThat(http.send("PATCH", "/tenants/" + tenantId + "/members/" + admin.at("/user/id").asText(),
                write(Map.of("role", "COACH")), admin.path("accessToken").asText()).statusCode())
                .as("the last admin stays admin").isEqualTo(409);
    }

    @Test
    void identity_actions_are_audited_in_the_tenant() {
        JsonNode admin = register(uniqueEmail("ann"));
        String tenantId = admin.at("/tenant/id").asText();
        login(admin.at("/user/email").asText(), PASSWORD);
        post("/auth/login", Map.of("email", admin.at("/user/email").asText(), "password", "wrong password"), null);
        post("/tenants/" + tenantId + "/invite", Map.of("email", uniqueEmail("bo"), "role", "ATHLETE"),
                admin.path("accessToken").asText());

        // a failed sign-in is audited after its answer, so that its cost does not tell that the account exists
        Await.until(() -> auditedCount(tenantId, "account.login_failed") == 1, Duration.ofSeconds(5),
                "the failed sign-in's audit entry");
        for (String action : List.of("account.registered", "account.logged_in", "account.login_failed",
                "member.invited")) {
            assertThat(auditedCount(tenantId, action)).as(action).isEqualTo(1);
        }
    }

    @Test
    void a_coach_cannot_invite_an_admin() {
        JsonNode admin = register(uniqueEmail("ann"));
        String tenantId = admin.at("/tenant/id").asText();
        String token = json(post("/tenants/" + tenantId + "/invite", Map.of("email", uniqueEmail("cy"), "role", "COACH"),
                admin.path("accessToken").asText())).path("acceptToken").asText();
        JsonNode coach = json(post("/invitations/" + token + "/accept",
                Map.of("password", PASSWORD, "firstName", "Cy", "lastName", "Coach"), null));

        HttpResponse<String> refused = post("/tenants/" + tenantId + "/invite",
                Map.of("email", uniqueEmail("x"), "role", "ADMIN"), coach.path("accessToken").asText());

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void another_tenant_is_not_found() {
        JsonNode ann = register(uniqueEmail("ann"));
        JsonNode olga = register(uniqueEmail("olga"));
        String olgaTenant = olga.at("/tenant/id").asText();
        String annToken = ann.path("accessToken").asText();

        assertThat(http.send("GET", "/tenants/" + olgaTenant, null, annToken).statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/tenants/" + olgaTenant + "/members", null, annToken).statusCode()).isEqualTo(404);
        assertThat(post("/tenants/" + olgaTenant + "/invite", Map.of("email", uniqueEmail("x"), "role", "ATHLETE"),
                annToken).statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/tenants/" + ann.at("/tenant/id").asText(), null, annToken).statusCode())
                .isEqualTo(200);
    }

    @Test
    void forged_unsigned_expired_and_foreign_audience_tokens_are_rejected() {
        JsonNode session = register(uniqueEmail("ann"));
        String genuine = session.path("accessToken").asText();
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String escalated = parts[0] + "." + base64(payload.replace("\"ADMIN\"", "\"SCHEDULER\"")) + "." + parts[2];
        Algorithm secret = Algorithm.HMAC256(ExternalServers.JWT_SECRET);
        String subject = session.at("/user/id").asText();
        String tenant = session.at("/tenant/id").asText();
        String expired = JWT.create().withIssuer("coachkit").withAudience("coachkit-api").withSubject(subject)
                .withClaim("tid", tenant).withClaim("role", "ADMIN").withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(Instant.now().minusSeconds(3600)).withExpiresAt(Instant.now().minusSeconds(1800))
                .sign(secret);
        String foreignAudience = JWT.create().withIssuer("coachkit").withAudience("another-api").withSubject(subject)
                .withClaim("tid", tenant).withClaim("role", "ADMIN").withJWTId(UUID.randomUUID().toString())
                .withIssuedAt(Instant.now()).withExpiresAt(Instant.now().plusSeconds(600)).sign(secret);

        assertThat(http.send("GET", "/auth/me", null, genuine).statusCode()).isEqualTo(200);
        for (String bad : List.of(unsigned, escalated, expired, foreignAudience, "not-a-jwt")) {
            HttpResponse<String> response = http.send("GET", "/auth/me", null, bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void brute_force_on_login_from_one_address_is_stopped_with_429_and_retry_after() {
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 40 && (last == null || last.statusCode() != 429); attempt++) {
            last = post("/auth/login", Map.of("email", uniqueEmail("guess"), "password", "guess " + attempt), null);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("RateLimit-Remaining")).contains("0");
    }

    @Test
    void guessing_one_accounts_password_from_many_addresses_is_stopped() {
        String email = uniqueEmail("ann");
        register(email);
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 30 && (last == null || last.statusCode() != 429); attempt++) {
            newClientAddress();
            last = post("/auth/login", Map.of("email", email, "password", "guess " + attempt), null);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }

    private JsonNode register(String email) {
        HttpResponse<String> response = post("/auth/register", registration(email), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static Map<String, String> registration(String email) {
        return Map.of("email", email, "password", PASSWORD, "firstName", "Ann", "lastName", "Admin",
                "organizationName", "Club of " + email);
    }

    private JsonNode login(String email, String password) {
        HttpResponse<String> response = post("/auth/login", Map.of("email", email, "password", password), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return post("/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }

    private HttpResponse<String> post(String path, Map<String, String> body, String token) {
        return http.send("POST", path, write(body), token);
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@club.test";
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private long auditedCount(String tenantId, String action) {
        return database.queryNumberAsOwner("select count(*) from audit_events where tenant_id = ?::uuid"
                + " and action = ?", tenantId, action);
    }
}
