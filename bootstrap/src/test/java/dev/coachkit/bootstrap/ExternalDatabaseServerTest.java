package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wired server against external PostgreSQL and Redis: operations endpoints answer for real. */
class ExternalDatabaseServerTest {

    private static CoachKitServer server;
    private static HttpProbe http;

    @BeforeAll
    static void start() {
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(Map.of())));
        http = new HttpProbe(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health_answers_up() {
        assertThat(http.get("/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void ready_checks_the_database_and_redis() {
        var response = http.get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"database\"", "\"redis\"");
    }

    @Test
    void metrics_expose_http_pool_and_jvm_meters() {
        http.get("/health");

        String metrics = http.get("/metrics").body();

        assertThat(metrics).contains("hikaricp_connections", "jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void openapi_and_docs_are_served() {
        assertThat(http.get("/openapi.json").body()).contains("\"openapi\"", "/health", "/auth/register",
                "/auth/login", "/auth/refresh", "/auth/logout", "/auth/me", "/tenants/{id}", "/tenants/{id}/invite",
                "/invitations/{acceptToken}/accept", "/tenants/{id}/members");
        assertThat(http.get("/docs").statusCode()).isEqualTo(200);
    }
}
