package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token attacks over HTTP against the wired server signing with an RS256 key pair (PostgreSQL, Redis
 * denylist): every forged, altered, stale or revoked token gets the same 401 problem on a protected
 * endpoint, with nothing in it that says which check failed. Each attack comes from a browser page of
 * the allowed origin, so the refusals are also shown to be readable by it and hardened.
 */
class TokenAttackEndToEndTest {

    private static final String APP = "https://app.example.com";
    private static final ForgedTokens FORGE = new ForgedTokens();

    @TempDir
    static Path keys;

    private static TestDatabase database;
    private static CoachKitServer server;
    private ApiClient api;
    private HttpProbe attacker;
    private ApiClient.Session victim;

    @BeforeAll
    static void start() {
        database = TestDatabase.createOn(PostgresServer.shared());
        Map<String, String> environment = new HashMap<>(ExternalServers.environment(database, Map.of(
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
                "COACHKIT_CORS_ALLOWED_ORIGINS", APP)));
        environment.remove("COACHKIT_JWT_SECRET");
        environment.putAll(FORGE.writeKeyFiles(keys));
        server = CoachKitServer.start(Configuration.from(environment));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void victimAndAttacker() {
        api = new ApiClient(server.port());
        victim = api.registerAdmin();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        attacker = new HttpProbe(server.port()).withHeaders(Map.of("Origin", APP, "X-Forwarded-For", address));
    }

    @Test
    void a_token_made_with_the_servers_key_and_true_claims_is_accepted() {
        HttpResponse<String> me = me(FORGE.signed(FORGE.claimsOf(victim)));

        assertThat(me.statusCode()).as("the forging itself is right, so every 401 below is the attack's")
                .isEqualTo(200);
    }

    @Test
    void unsigned_alg_none_tokens_are_refused() {
        Map<String, Object> claims = FORGE.claimsOf(victim);
        String genuineSignature = FORGE.signed(claims).split("\\.")[2];

        assertAllRefused(
                ForgedTokens.compact("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, ""),
                ForgedTokens.compact("{\"alg\":\"None\",\"typ\":\"JWT\"}", claims, ""),
                ForgedTokens.compact("{\"alg\":\"NONE\"}", claims, ""),
                ForgedTokens.compact("{\"alg\":\"none\"}", claims, genuineSignature),
                ForgedTokens.compact("{\"typ\":\"JWT\"}", claims, genuineSignature));
    }

    @Test
    void hs256_signed_with_the_published_public_key_is_refused() {
        Map<String, Object> claims = FORGE.claimsOf(victim);
        byte[] pemFile = FORGE.publicPem().getBytes(StandardCharsets.US_ASCII);
        byte[] pemText = FORGE.publicPem().strip().getBytes(StandardCharsets.US_ASCII);

        assertAllRefused(
                ForgedTokens.sign(claims, Algorithm.HMAC256(pemFile)),
                ForgedTokens.sign(claims, Algorithm.HMAC256(pemText)),
                ForgedTokens.sign(claims, Algorithm.HMAC256(FORGE.publicDer())),
                ForgedTokens.sign(claims, Algorithm.HMAC256(ExternalServers.JWT_SECRET)));
    }

    @Test
    void a_token_signed_with_another_key_or_altered_after_signing_is_refused() {
        Map<String, Object> claims = FORGE.claimsOf(victim);
        String[] genuine = FORGE.signed(claims).split("\\.");
        Map<String, Object> escalated = new LinkedHashMap<>(claims);
        escalated.put("tid", api.registerAdmin().tenantId());

        assertAllRefused(
                new ForgedTokens().signed(claims),
                ForgedTokens.compact(header(genuine), escalated, genuine[2]),
                genuine[0] + "." + genuine[1] + "." + genuine[2].substring(0, genuine[2].length() - 4) + "AAAA",
                genuine[0] + "." + genuine[1] + ".");
    }

    @Test
    void tokens_outside_their_lifetime_are_refused() {
        long now = Instant.now().getEpochSecond();

        assertAllRefused(
                FORGE.signed(with(Map.of("iat", now - 3600, "exp", now - 1800))),
                FORGE.signed(with(Map.of("exp", now - 60))),
                FORGE.signed(with(Map.of("nbf", now + 3600))),
                FORGE.signed(with(Map.of("iat", now + 3600, "exp", now + 7200))));
    }

    @Test
    void tokens_for_another_issuer_or_audience_are_refused() {
        assertAllRefused(
                FORGE.signed(with(Map.of("iss", "someone-else"))),
                FORGE.signed(with(Map.of("iss", "https://coachkit"))),
                FORGE.signed(with(Map.of("aud", "another-api"))),
                FORGE.signed(with(Map.of("aud", List.of("another-api", "yet-another-api")))),
                FORGE.signed(without("iss")),
                FORGE.signed(without("aud")));
    }

    @Test
    void tokens_with_missing_or_garbled_claims_are_refused() {
        for (String claim : List.of("sub", "tid", "role", "jti", "sid", "iat", "exp")) {
            assertAllRefused(FORGE.signed(without(claim)));
        }
        assertAllRefused(
                FORGE.signed(with(Map.of("sub", "admin"))),
                FORGE.signed(with(Map.of("tid", "*"))),
                FORGE.signed(with(Map.of("tid", 42))),
                FORGE.signed(with(Map.of("role", "OWNER"))),
                FORGE.signed(with(Map.of("role", "admin"))),
                FORGE.signed(with(Map.of("sid", "session-1"))),
                FORGE.signed(with(Map.of("exp", "never"))),
                FORGE.signed(with(Map.of("iat", "now"))),
                "not-a-jwt", "a.b.c", "..", "e30.e30.", "x".repeat(5000));
    }

    @Test
    void a_logged_out_session_is_refused_with_each_of_its_access_tokens() {
        JsonNode session = register();
        JsonNode refreshed = refresh(session.path("refreshToken").asText(), 200);

        HttpResponse<String> logout = attacker.send("POST", "/auth/logout",
                "{\"refreshToken\":\"" + refreshed.path("refreshToken").asText() + "\"}",
                refreshed.path("accessToken").asText());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertAllRefused(refreshed.path("accessToken").asText(), session.path("accessToken").asText());
        refresh(refreshed.path("refreshToken").asText(), 401);
    }

    @Test
    void the_token_of_an_erased_member_is_refused() {
        ApiClient.Session athlete = api.join(victim, "ATHLETE");
        assertThat(me(athlete.accessToken()).statusCode()).isEqualTo(200);

        api.expect(202, "DELETE", "/admin/users/" + athlete.userId(), null, victim);

        assertAllRefused(athlete.accessToken());
    }

    @Test
    void reusing_a_rotated_refresh_token_is_refused_and_ends_every_token_of_the_session() {
        JsonNode first = register();
        JsonNode stolen = refresh(first.path("refreshToken").asText(), 200);

        JsonNode reuse = refresh(first.path("refreshToken").asText(), 401);

        assertThat(reuse.path("detail").asText()).isEqualTo(refresh("never-issued", 401).path("detail").asText());
        refresh(stolen.path("refreshToken").asText(), 401);
        assertAllRefused(stolen.path("accessToken").asText(), first.path("accessToken").asText());
    }

    /** Each token gets the same 401 problem as a token that is not even a JWT, hardened and readable by the app. */
    private void assertAllRefused(String... tokens) {
        JsonNode reference = withoutIds(ApiClient.json(me("not-a-jwt")));
        assertThat(reference.path("detail").asText()).isEqualTo("The access token is invalid or has expired.");
        for (String token : tokens) {
            HttpResponse<String> response = me(token);
            String shown = token.length() > 80 ? token.substring(0, 80) + "..." : token;

            assertThat(response.statusCode()).as(shown).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(shown)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(shown)
                    .contains("Bearer error=\"invalid_token\"");
            assertThat(withoutIds(ApiClient.json(response))).as(shown).isEqualTo(reference);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(shown).contains(APP);
            assertThat(response.headers().firstValue("Cache-Control")).as(shown).contains("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(shown).contains("nosniff");
        }
    }

    private HttpResponse<String> me(String token) {
        return attacker.send("GET", "/auth/me", null, token);
    }

    private JsonNode register() {
        String email = ApiClient.uniqueEmail("ann");
        HttpResponse<String> response = attacker.send("POST", "/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"" + ApiClient.PASSWORD + "\",\"firstName\":\"Ann\",\"lastName\":\"Admin\","
                + "\"organizationName\":\"Club of " + email + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }

    private JsonNode refresh(String refreshToken, int status) {
        HttpResponse<String> response = attacker.send("POST", "/auth/refresh",
                "{\"refreshToken\":\"" + refreshToken + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return ApiClient.json(response);
    }

    private Map<String, Object> with(Map<String, Object> changes) {
        Map<String, Object> claims = FORGE.claimsOf(victim);
        claims.putAll(changes);
        return claims;
    }

    private Map<String, Object> without(String claim) {
        Map<String, Object> claims = FORGE.claimsOf(victim);
        claims.remove(claim);
        return claims;
    }

    private static String header(String[] compact) {
        return new String(Base64.getUrlDecoder().decode(compact[0]), StandardCharsets.UTF_8);
    }

    /** The problem without what differs between any two answers: the request id and where it was sent. */
    private static JsonNode withoutIds(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("requestId");
        copy.remove("instance");
        return copy;
    }
}
