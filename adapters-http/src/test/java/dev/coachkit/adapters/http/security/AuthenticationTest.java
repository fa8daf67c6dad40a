package dev.coachkit.adapters.http.security;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.adapters.http.testing.WhoAmIRoutes;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.memory.InMemoryAccessTokens;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {

    // the filter sees only the port; JwtAccessTokenServiceTest (adapters-crypto) checks the signed tokens themselves
    private final AccessTokenService tokens = new InMemoryAccessTokens(Clock.system());
    private final AuthenticateUseCase authenticate = token -> {
        AccessTokenClaims claims = tokens.verify(token);
        return new AuthenticateUseCase.Caller(claims.actor(), claims.tokenId(), claims.sessionId(), claims.expiresAt());
    };
    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().routes(new WhoAmIRoutes()).authentication(authenticate).bearer(null).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void protected_route_without_a_token_answers_401_asking_for_a_bearer_token() {
        TestResponse response = server.get("/test/whoami");

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void protected_route_with_a_forged_token_answers_401_invalid_token() {
        String forged = new InMemoryAccessTokens(Clock.system()).issue(claims(Instant.now()));

        TestResponse response = withAuthorization("Bearer " + forged);

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(response.json().get("detail").asText()).isEqualTo(AccessTokenService.INVALID_TOKEN);
    }

    @Test
    void protected_route_with_an_expired_token_answers_401() {
        TestResponse response = withAuthorization("Bearer " + tokens.issue(claims(Instant.now().minus(Duration.ofHours(1)))));

        assertUnauthorized(response);
    }

    @Test
    void authorization_that_is_not_a_bearer_token_answers_401() {
        assertUnauthorized(withAuthorization("Basic YWRhOmh1bnRlcjI="));
        assertUnauthorized(withAuthorization("Bearer"));
        assertUnauthorized(withAuthorization("Bearer a b"));
    }

    @Test
    void protected_route_with_a_valid_token_reaches_the_handler_with_the_caller() {
        AccessTokenClaims claims = claims(Instant.now());

        TestResponse response = withAuthorization("Bearer " + tokens.issue(claims));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("accountId").asText()).isEqualTo(claims.accountId().toString());
        assertThat(response.json().get("tenantId").asText()).isEqualTo(claims.tenantId().toString());
        assertThat(response.json().get("role").asText()).isEqualTo("COACH");
    }

    @Test
    void bearer_scheme_is_case_insensitive() {
        assertThat(withAuthorization("bearer " + tokens.issue(claims(Instant.now()))).status()).isEqualTo(200);
    }

    @Test
    void public_route_answers_without_a_token_and_ignores_none() {
        TestResponse response = server.get("/health");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void public_route_sees_the_caller_when_a_valid_token_is_sent() {
        AccessTokenClaims claims = claims(Instant.now());

        TestResponse anonymous = server.get("/test/public/whoami");
        TestResponse signedIn = get("/test/public/whoami", "Bearer " + tokens.issue(claims));

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("accountId").isNull()).isTrue();
        assertThat(signedIn.json().get("accountId").asText()).isEqualTo(claims.accountId().toString());
    }

    @Test
    void public_route_asking_for_a_caller_with_a_bad_token_answers_401() {
        assertUnauthorized(get("/test/public/whoami", "Bearer not-a-token"));
    }

    @Test
    void public_route_that_demands_a_caller_is_a_server_bug_not_a_401() {
        assertThat(server.get("/test/public/caller").status()).isEqualTo(500);
    }

    @Test
    void server_without_authentication_refuses_every_protected_request() {
        try (TestServer bare = aServer().routes(new WhoAmIRoutes()).authentication(null).start()) {
            assertUnauthorized(bare.get("/test/whoami"));
            assertThat(bare.get("/health").status()).isEqualTo(200);
        }
    }

    private TestResponse withAuthorization(String authorization) {
        return get("/test/whoami", authorization);
    }

    private TestResponse get(String path, String authorization) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", authorization).GET());
    }

    private static AccessTokenClaims claims(Instant issuedAt) {
        return new AccessTokenClaims(AccountId.of(UUID.randomUUID()), TenantId.of(UUID.randomUUID()), Role.COACH,
                UUID.randomUUID().toString(), UUID.randomUUID(), issuedAt, issuedAt.plus(Duration.ofMinutes(15)));
    }

    private static void assertUnauthorized(TestResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("https://coachkit.dev/problems/unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
