package dev.coachkit.adapters.http.security;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.StubAuthentication;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.adapters.http.testing.WhoAmIRoutes;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.memory.InMemoryRateLimiter;
import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RateLimitingTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final RateLimit GENEROUS = new RateLimit(1000, MINUTE);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final InMemoryRateLimiter memory = new InMemoryRateLimiter(now::get);
    private final RateLimiter recording = (key, limit) -> {
        keys.add(key);
        return memory.acquire(key, limit);
    };

    @Test
    void every_response_carries_the_rate_limit_headers() {
        try (TestServer server = server(limits -> limits.withPerClientIp(new RateLimit(300, MINUTE)))) {
            TestResponse first = server.get("/nowhere");
            TestResponse missing = server.get("/nowhere");

            assertThat(first.header("RateLimit-Limit")).isEqualTo("300");
            assertThat(first.header("RateLimit-Remaining")).isEqualTo("299");
            assertThat(first.header("RateLimit-Reset")).isEqualTo("1"); // one unit refills in 0.2 s, rounded up
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("RateLimit-Remaining")).isEqualTo("298");
        }
    }

    @Test
    void an_unreachable_limiter_lets_requests_through() {
        RateLimiter down = (key, limit) -> {
            throw new IllegalStateException("Redis unreachable");
        };
        try (TestServer server = aServer().rateLimiter(down).start()) {
            TestResponse response = server.get("/nowhere");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("RateLimit-Limit")).isNull();
        }
    }

    @Test
    void an_unreachable_limiter_closes_the_credential_endpoints_with_503_and_retry_after() {
        RateLimiter down = (key, limit) -> {
            throw new IllegalStateException("Redis unreachable");
        };
        try (TestServer server = aServer().rateLimiter(down).start()) {
            for (String path : List.of("/auth/login", "/auth/register", "/auth/refresh", "/invitations/x/accept")) {
                TestResponse response = server.post(path, "{}", "application/json");

                assertThat(response.status()).as(path).isEqualTo(503);
                assertThat(response.header("Retry-After")).as(path).isEqualTo("5");
                assertThat(response.body()).as(path).contains("rate limiting is unavailable; retry later")
                        .doesNotContain("Redis");
            }
        }
    }

    @Test
    void probes_and_metrics_are_never_limited() {
        try (TestServer server = server(limits -> limits.withPerClientIp(new RateLimit(1, MINUTE)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/health").status()).isEqualTo(200);
                assertThat(server.get("/metrics").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void client_over_its_limit_gets_429_problem_with_retry_after() {
        try (TestServer server = server(limits -> limits.withPerClientIp(new RateLimit(3, MINUTE)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/nowhere").status()).isEqualTo(404);
            }

            TestResponse refused = server.get("/nowhere");

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("https://coachkit.dev/problems/too-many-requests");
            assertThat(refused.header("Retry-After")).isEqualTo("20");
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(refused.header("RateLimit-Reset")).isEqualTo("60");
            assertThat(refused.header("X-Request-Id")).isEqualTo(refused.json().get("requestId").asText());
        }
    }

    @Test
    void limit_replenishes_as_time_passes() {
        try (TestServer server = server(limits -> limits.withPerClientIp(new RateLimit(1, MINUTE)))) {
            assertThat(server.get("/nowhere").status()).isEqualTo(404);
            assertThat(server.get("/nowhere").status()).isEqualTo(429);

            now.set(now.get().plus(MINUTE));

            assertThat(server.get("/nowhere").status()).isEqualTo(404);
        }
    }

    @Test
    void auth_and_invitation_paths_have_the_stricter_limit() {
        try (TestServer server = server(limits -> limits.withPerClientIpOnAuth(new RateLimit(2, MINUTE)))) {
            assertThat(server.get("/auth/login").header("RateLimit-Limit")).isEqualTo("2");
            assertThat(server.get("/invitations/abc/accept").status()).isEqualTo(404);

            assertThat(server.get("/auth/login").status()).isEqualTo(429);
            assertThat(server.get("/health").status()).isEqualTo(200);
            assertThat(keys).contains("ip:127.0.0.1", "auth-ip:127.0.0.1");
        }
    }

    @Test
    void authenticated_requests_count_against_the_account_and_the_tenant() {
        try (TestServer server = server(limits -> limits.withPerAccount(new RateLimit(2, MINUTE)))) {
            assertThat(server.get("/test/whoami").status()).isEqualTo(200);
            TestResponse second = server.get("/test/whoami");
            assertThat(second.header("RateLimit-Limit")).isEqualTo("2");
            assertThat(second.header("RateLimit-Remaining")).isEqualTo("0");

            assertThat(server.get("/test/whoami").status()).isEqualTo(429);
            assertThat(keys).contains("account:" + StubAuthentication.ACCOUNT, "tenant:" + StubAuthentication.TENANT);
        }
    }

    @Test
    void tenant_limit_is_shared_by_its_members() {
        StubAuthentication authentication = new StubAuthentication().accept("other-member",
                new Actor(StubAuthentication.TENANT,
                        AccountId.of(UUID.randomUUID()),
                        Role.COACH));
        try (TestServer server = aServer().routes(new WhoAmIRoutes()).rateLimiter(recording).authentication(authentication)
                .settings(s -> s.withRateLimits(generous().withPerTenant(new RateLimit(2, MINUTE)))).start()) {
            assertThat(server.get("/test/whoami").status()).isEqualTo(200);
            assertThat(asOtherMember(server).status()).isEqualTo(200);

            assertThat(asOtherMember(server).status()).isEqualTo(429);
        }
    }

    @Test
    void unauthenticated_requests_do_not_reach_the_account_limits() {
        try (TestServer server = aServer().routes(new WhoAmIRoutes()).rateLimiter(recording).bearer(null)
                .settings(s -> s.withRateLimits(generous())).start()) {
            assertThat(server.get("/test/whoami").status()).isEqualTo(401);
            assertThat(keys).containsExactly("ip:127.0.0.1");
        }
    }

    @Test
    void server_without_a_rate_limiter_neither_limits_nor_sends_headers() {
        try (TestServer server = aServer().start()) {
            TestResponse response = server.get("/health");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isNull();
        }
    }

    private TestResponse asOtherMember(TestServer server) {
        return server.send(HttpRequest.newBuilder(server.uri("/test/whoami")).header("Authorization", "Bearer other-member").GET());
    }

    private TestServer server(UnaryOperator<RateLimitSettings> limits) {
        return aServer().routes(new WhoAmIRoutes()).rateLimiter(recording)
                .settings(s -> s.withRateLimits(limits.apply(generous()))).start();
    }

    private static RateLimitSettings generous() {
        return new RateLimitSettings(GENEROUS, GENEROUS, GENEROUS, GENEROUS);
    }
}
