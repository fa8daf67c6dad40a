package dev.coachkit.adapters.http.security;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.adapters.http.testing.WhoAmIRoutes;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.domain.identity.RateLimit;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOriginTest {

    private static final String APP = "https://app.example.com";
    private static final String ADMIN = "http://localhost:5173";
    private static final String EVIL = "https://app.example.com.evil.test";

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().routes(new WhoAmIRoutes())
                .settings(s -> s.withCorsAllowedOrigins(List.of(APP, ADMIN))).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void an_allowed_origin_is_echoed_and_may_read_the_operational_headers() {
        TestResponse response = get("/test/whoami", APP);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(response.headers().allValues("Vary")).contains("Origin");
        assertThat(response.header("Access-Control-Expose-Headers").split(", "))
                .contains("X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After",
                        "Idempotent-Replayed");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(get("/test/whoami", ADMIN).header("Access-Control-Allow-Origin")).isEqualTo(ADMIN);
    }

    @Test
    void an_allowed_origin_can_read_errors_as_well() {
        TestResponse unauthorized = server.send(HttpRequest.newBuilder(server.uri("/test/whoami"))
                .header("Origin", APP).header("Authorization", "Bearer forged").GET());

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(get("/nowhere", APP).header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void another_origin_gets_no_cors_headers_but_the_answer_still_varies_by_origin() {
        for (String origin : new String[] {EVIL, "null", "https://app.example.com:8443", "http://app.example.com"}) {
            TestResponse response = get("/test/whoami", origin);

            assertThat(response.header("Access-Control-Allow-Origin")).as(origin).isNull();
            assertThat(response.header("Access-Control-Expose-Headers")).as(origin).isNull();
            assertThat(response.headers().allValues("Vary")).as(origin).contains("Origin");
        }
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_with_the_fixed_lists() {
        TestResponse preflight = preflight(server, "/test/whoami", APP, "DELETE", "authorization, x-custom-header");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.body()).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, PATCH, DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers"))
                .isEqualTo("Authorization, Content-Type, Idempotency-Key, X-Request-Id");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(preflight.headers().allValues("Vary")).contains("Origin");
        assertThat(preflight.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void a_preflight_needs_no_token_and_works_for_any_path() {
        assertThat(preflight(server, "/spaces/123", APP, "PATCH", "content-type").status()).isEqualTo(204);
    }

    @Test
    void a_preflight_from_another_origin_is_refused_with_a_problem_and_no_cors_headers() {
        TestResponse refused = preflight(server, "/test/whoami", EVIL, "GET", "authorization");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo(CrossOrigin.REFUSED);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.header("Access-Control-Allow-Methods")).isNull();
        assertThat(refused.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void an_options_request_that_is_not_a_preflight_is_routed_as_usual() {
        TestResponse options = server.send(HttpRequest.newBuilder(server.uri("/test/whoami"))
                .header("Origin", APP).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(options.status()).isEqualTo(405);
        assertThat(options.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void preflights_count_against_the_client_limit_and_a_refusal_is_readable() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(() -> Instant.parse("2026-03-01T10:00:00Z"));
        try (TestServer limited = aServer().rateLimiter(limiter).settings(s -> s.withCorsAllowedOrigins(List.of(APP))
                .withRateLimits(s.rateLimits().withPerClientIp(new RateLimit(1, Duration.ofMinutes(1))))).start()) {
            assertThat(preflight(limited, "/spaces", APP, "GET", "authorization").status()).isEqualTo(204);

            TestResponse refused = get(limited, "/nowhere", APP);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(refused.header("Access-Control-Expose-Headers")).contains("Retry-After");
        }
    }

    @Test
    void without_allowed_origins_no_response_has_cors_headers_and_preflights_are_refused() {
        try (TestServer closed = aServer().routes(new WhoAmIRoutes()).start()) {
            TestResponse actual = get(closed, "/test/whoami", APP);
            TestResponse preflight = preflight(closed, "/test/whoami", APP, "GET", "authorization");

            assertThat(actual.status()).isEqualTo(200);
            assertThat(actual.headers().map().keySet()).noneMatch(CrossOriginTest::isCors);
            assertThat(actual.headers().allValues("Vary")).doesNotContain("Origin");
            assertThat(preflight.status()).isEqualTo(403);
            assertThat(preflight.headers().map().keySet()).noneMatch(CrossOriginTest::isCors);
        }
    }

    @Test
    void origins_are_checked_and_written_as_browsers_send_them() {
        assertThat(CrossOrigin.origin(" HTTPS://App.Example.com ")).isEqualTo(APP);
        assertThat(CrossOrigin.origin("https://app.example.com:443")).isEqualTo(APP);
        assertThat(CrossOrigin.origin("http://localhost:80")).isEqualTo("http://localhost");
        assertThat(CrossOrigin.origin("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThat(CrossOrigin.origin("https://app.example.com:8443")).isEqualTo("https://app.example.com:8443");
        for (String invalid : new String[] {"app.example.com", "https://app.example.com/",
                "https://app.example.com/app", "https://app.example.com?x=1", "https://user@app.example.com",
                "ftp://app.example.com", "*", "null", "https://", "https://app.example.com#top"}) {
            assertThatThrownBy(() -> CrossOrigin.origin(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme://host[:port]");
        }
    }

    private TestResponse get(String path, String origin) {
        return get(server, path, origin);
    }

    private static TestResponse get(TestServer target, String path, String origin) {
        return target.send(HttpRequest.newBuilder(target.uri(path)).header("Origin", origin).GET());
    }

    private static boolean isCors(String header) {
        return header.toLowerCase(Locale.ROOT).startsWith("access-control-");
    }

    private static TestResponse preflight(TestServer target, String path, String origin, String method,
            String headers) {
        return target.send(HttpRequest.newBuilder(target.uri(path)).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }
}
