package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Idempotency-Key} on the POSTs whose answers hold credentials, on the wired server over
 * PostgreSQL: sign-up, sign-in, refresh and accepting an invitation (no token needed), and the invite
 * and calendar token (one-time secrets). A retry gets the first answer; the database keeps none of
 * the secrets in it, nor the key text.
 */
class CredentialRetriesEndToEndTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    @RegisterExtension
    static final WiredServer SERVER = new WiredServer();

    private ApiClient api;

    @BeforeEach
    void client() {
        api = SERVER.client();
    }

    private HttpResponse<String> post(String path, Object body, Session as, String key) {
        return api.send("POST", path, body, as, Map.of(KEY, key));
    }

    private static void assertReplayOf(HttpResponse<String> first, HttpResponse<String> retry) {
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(first.statusCode());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue(REPLAYED)).contains("true");
    }

    @Test
    void a_retried_sign_up_answers_the_same_account_and_creates_one_organization() {
        String key = UUID.randomUUID().toString();
        String email = ApiClient.uniqueEmail("signup");
        Map<String, String> signUp = Map.of("email", email, "password", ApiClient.PASSWORD, "firstName", "Ann",
                "lastName", "Lee", "organizationName", "Riverside");

        HttpResponse<String> first = post("/auth/register", signUp, null, key);
        HttpResponse<String> retry = post("/auth/register", signUp, null, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertReplayOf(first, retry);
        Session signedIn = Session.from(ApiClient.json(retry));
        assertThat(api.expect(200, "GET", "/auth/me", null, signedIn).path("tenants")).hasSize(1);
        assertNothingInClear(key, ApiClient.json(first));
    }

    @Test
    void a_retried_sign_in_answers_the_same_tokens_and_another_password_under_the_key_is_refused() {
        String email = ApiClient.uniqueEmail("signin");
        api.registerAdmin(email);
        String key = UUID.randomUUID().toString();
        Map<String, String> credentials = Map.of("email", email, "password", ApiClient.PASSWORD);

        HttpResponse<String> first = post("/auth/login", credentials, null, key);
        HttpResponse<String> retry = post("/auth/login", credentials, null, key);
        HttpResponse<String> otherPassword = post("/auth/login", Map.of("email", email, "password", "guess"), null,
                key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertReplayOf(first, retry);
        api.expect(200, "GET", "/auth/me", null, Session.from(ApiClient.json(retry)));
        assertThat(otherPassword.statusCode()).isEqualTo(422);
        assertNothingInClear(key, ApiClient.json(first));
    }

    @Test
    void a_retried_refresh_answers_the_same_pair_without_counting_as_reuse_of_the_rotated_token() {
        String refreshToken = api.expect(201, "POST", "/auth/register", Map.of("email",
                ApiClient.uniqueEmail("refresh"), "password", ApiClient.PASSWORD, "firstName", "Cy", "lastName", "Kim",
                "organizationName", "Rowing"), null).path("refreshToken").asText();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/auth/refresh", Map.of("refreshToken", refreshToken), null, key);
        HttpResponse<String> retry = post("/auth/refresh", Map.of("refreshToken", refreshToken), null, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertReplayOf(first, retry);
        String rotated = ApiClient.json(retry).path("refreshToken").asText();
        api.expect(200, "POST", "/auth/refresh", Map.of("refreshToken", rotated), null);
        // without the key, presenting the rotated token again is reuse: the family is revoked
        api.expect(401, "POST", "/auth/refresh", Map.of("refreshToken", refreshToken), null);
        assertNothingInClear(key, ApiClient.json(first));
    }

    @Test
    void a_retried_invitation_answers_the_same_token_and_a_retried_acceptance_the_same_new_member() {
        Session admin = api.registerAdmin();
        String inviteKey = UUID.randomUUID().toString();
        Map<String, String> invite = Map.of("email", ApiClient.uniqueEmail("invited"), "role", "ATHLETE");
        String invitePath = "/tenants/" + admin.tenantId() + "/invite";

        HttpResponse<String> invited = post(invitePath, invite, admin, inviteKey);
        assertReplayOf(invited, post(invitePath, invite, admin, inviteKey));
        String acceptToken = ApiClient.json(invited).path("acceptToken").asText();
        String acceptKey = UUID.randomUUID().toString();
        Map<String, String> newAccount = Map.of("password", ApiClient.PASSWORD, "firstName", "Bo", "lastName", "Kim");

        HttpResponse<String> accepted = post("/invitations/" + acceptToken + "/accept", newAccount, null, acceptKey);
        HttpResponse<String> retry = post("/invitations/" + acceptToken + "/accept", newAccount, null, acceptKey);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertReplayOf(accepted, retry);
        assertThat(api.expect(200, "GET", "/tenants/" + admin.tenantId() + "/members", null, admin).path("items"))
                .hasSize(2);
        assertNothingInClear(inviteKey, ApiClient.json(invited));
        assertNothingInClear(acceptKey, ApiClient.json(accepted));
    }

    @Test
    void a_retried_calendar_token_answers_the_same_working_feed() {
        Session admin = api.registerAdmin();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/auth/me/calendar-token", null, admin, key);
        HttpResponse<String> retry = post("/auth/me/calendar-token", null, admin, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertReplayOf(first, retry);
        String feed = ApiClient.json(retry).path("feedUrl").asText();
        assertThat(api.send("GET", feed.substring(feed.indexOf("/scheduling/")), null, null).statusCode())
                .isEqualTo(200);
        assertNothingInClear(key, ApiClient.json(first));
    }

    /**
     * Neither table of idempotency keys holds the key text, the password or any text value of the
     * answer but ids in clear (a member's row names its tenant and account): the stored answers are sealed.
     */
    private static void assertNothingInClear(String key, JsonNode answer) {
        List<String> secrets = new ArrayList<>(List.of(key, ApiClient.PASSWORD));
        collectTexts(answer, secrets);
        List<String> stored = storedIdempotencyBytes();
        assertThat(stored).isNotEmpty();
        for (String secret : secrets) {
            if (secret.length() >= 8 && !UUID_TEXT.matcher(secret).matches()) {
                assertThat(stored).as("stored idempotency data holds " + secret).noneMatch(row -> row.contains(secret));
            }
        }
    }

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, into));
    }

    /** Every row of both key tables as text: all columns, the sealed bodies read as Latin-1 bytes. */
    private static List<String> storedIdempotencyBytes() {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(SERVER.database().owner().jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("idempotency_keys", "anonymous_idempotency_keys")) {
                try (ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                    while (row.next()) {
                        StringBuilder text = new StringBuilder();
                        for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                            byte[] value = row.getBytes(column);
                            text.append(value == null ? "" : new String(value, StandardCharsets.ISO_8859_1)).append('|');
                        }
                        rows.add(text.toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
