package dev.coachkit.adapters.http.shared;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.adapters.http.testing.WhoAmIRoutes;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.domain.identity.RateLimit;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    private static final RateLimit ONE_A_MINUTE = new RateLimit(1, Duration.ofMinutes(1));
    private static final Pattern STYLESHEET = Pattern.compile("href=\"(webjars/swagger-ui/[^\"]+\\.css)\"");

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().routes(new WhoAmIRoutes()).routes(new TestRoutes()).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void public_and_authenticated_answers_are_hardened_and_never_stored() {
        assertHardened(server.get("/health"), 200);
        assertHardened(server.get("/test/whoami"), 200);
        assertHardened(server.get("/openapi.json"), 200);
    }

    @Test
    void problem_answers_are_hardened_too() {
        TestResponse unauthorized = server.send(HttpRequest.newBuilder(server.uri("/test/whoami"))
                .header("Authorization", "Bearer forged").GET());

        assertHardened(unauthorized, 401);
        assertHardened(server.get("/nowhere"), 404);
        assertHardened(server.send(HttpRequest.newBuilder(server.uri("/health")).DELETE()), 405);
        assertHardened(server.postJson("/test/members", "{\"name\":"), 400);
        assertHardened(server.postJson("/test/members", "{\"name\":\"" + "A".repeat(1_100_000) + "\"}"), 413);
        assertHardened(server.get("/test/boom"), 500);
        assertThat(unauthorized.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_rate_limited_answer_is_hardened() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(() -> Instant.parse("2026-03-01T10:00:00Z"));
        try (TestServer limited = aServer().rateLimiter(limiter)
                .settings(s -> s.withRateLimits(s.rateLimits().withPerClientIp(ONE_A_MINUTE))).start()) {
            limited.get("/nowhere");

            assertHardened(limited.get("/nowhere"), 429);
        }
    }

    @Test
    void the_docs_page_is_hardened_and_its_versioned_assets_may_be_cached() {
        TestResponse page = server.get("/docs");
        assertHardened(page, 200);

        Matcher stylesheet = STYLESHEET.matcher(page.body());
        assertThat(stylesheet.find()).as("the page links Swagger UI's stylesheet").isTrue();
        TestResponse asset = server.get("/" + stylesheet.group(1));

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(asset.header("Cache-Control")).startsWith("max-age=").doesNotContain("no-store");
    }

    @Test
    void what_jetty_refuses_before_javalin_is_a_hardened_problem_too() throws IOException {
        for (String request : new String[] {"GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n"}) {
            String answer = raw(request);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);

            assertThat(head).as(answer).startsWith("http/1.1 4").contains("content-type: application/problem+json",
                    "x-content-type-options: nosniff", "referrer-policy: no-referrer", "x-frame-options: deny",
                    "content-security-policy: frame-ancestors 'none'", "cache-control: no-store");
            assertThat(answer).contains("\"status\":4").doesNotContain("<html", "%zz", "xxxx");
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertHardened(TestResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }
}
