package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away under a running server and comes back. The per-limit choice: the rate limiter
 * fails open for ordinary requests and closed (503, {@code Retry-After}) where credentials are
 * tried; the token denylist fails closed, so no possibly revoked token is accepted; {@code /ready}
 * reports Redis degraded and keeps the node in service. After Redis returns, all works again.
 */
class RedisOutageEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutageProxy redis;
    private CoachKitServer server;
    private HttpProbe http;

    @BeforeEach
    void start() {
        URI shared = URI.create(RedisServer.shared().url());
        redis = OutageProxy.to(shared.getHost(), shared.getPort());
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_REDIS_URL", "redis://127.0.0.1:" + redis.port()))));
        http = new HttpProbe(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        redis.close();
    }

    @Test
    void reads_fail_open_credentials_and_tokens_fail_closed_and_all_recovers_when_redis_returns() throws Exception {
        String email = "ann-" + UUID.randomUUID() + "@club.test";
        HttpResponse<String> registered = register(email);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = JSON.readTree(registered.body()).path("accessToken").asText();

        redis.cut();
        HttpResponse<String> openApi = http.get("/openapi.json");
        assertThat(openApi.statusCode()).as("an anonymous read passes the limiter unlimited").isEqualTo(200);
        assertThat(openApi.headers().firstValue("RateLimit-Limit")).isEmpty();
        assertUnavailable(login(email), "rate limiting");
        assertUnavailable(register("bo-" + UUID.randomUUID() + "@club.test"), "rate limiting");
        assertUnavailable(http.send("GET", "/auth/me", null, token), "authentication");
        HttpResponse<String> ready = http.get("/ready");
        assertThat(ready.statusCode()).as("the node stays in service: " + ready.body()).isEqualTo(200);
        assertThat(entry(ready, "redis").path("detail").asText()).startsWith("degraded: ").doesNotContain("127.0.0.1");

        redis.restore();
        // Lettuce reconnects on its own, after a backoff that has grown during the outage
        Await.until(() -> http.send("GET", "/auth/me", null, token).statusCode() == 200, Duration.ofSeconds(60),
                "signed-in requests served again");
        assertThat(login(email).statusCode()).isEqualTo(200);
        assertThat(entry(http.get("/ready"), "redis").path("detail").asText()).isEqualTo("ok");
    }

    private static void assertUnavailable(HttpResponse<String> response, String dependency) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(JSON.readTree(response.body()).path("detail").asText())
                .isEqualTo(dependency + " is unavailable; retry later");
    }

    private static JsonNode entry(HttpResponse<String> ready, String name) throws IOException {
        for (JsonNode dependency : JSON.readTree(ready.body()).path("dependencies")) {
            if (dependency.path("name").asText().equals(name)) {
                return dependency;
            }
        }
        throw new AssertionError(name + " not in " + ready.body());
    }

    private HttpResponse<String> register(String email) throws IOException {
        return http.send("POST", "/auth/register", JSON.writeValueAsString(Map.of("email", email,
                "password", ApiClient.PASSWORD, "firstName", "Ann", "lastName", "Lee", "organizationName", "Club")),
                null);
    }

    private HttpResponse<String> login(String email) throws IOException {
        return http.send("POST", "/auth/login", JSON.writeValueAsString(Map.of("email", email,
                "password", ApiClient.PASSWORD)), null);
    }
}
