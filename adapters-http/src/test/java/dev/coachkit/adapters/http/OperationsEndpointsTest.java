package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.operations.ReadinessResponse;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.application.testing.TestProbes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest {

    @Test
    void health_answers_up() {
        try (TestServer server = aServer().start()) {
            TestResponse response = server.get("/health");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void ready_answers_200_when_every_dependency_is_up() {
        try (TestServer server = aServer().probe(TestProbes.up("database")).probe(TestProbes.up("queue")).start()) {
            TestResponse response = server.get("/ready");

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("dependencies")).hasSize(2);
            assertThat(body.get("dependencies").get(0).get("name").asText()).isEqualTo("database");
            assertThat(body.get("dependencies").get(0).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void ready_answers_503_naming_the_dependency_that_is_down() {
        try (TestServer server = aServer()
                .probe(TestProbes.up("database"))
                .probe(TestProbes.down("queue", "connection refused"))
                .start()) {
            TestResponse response = server.get("/ready");

            assertThat(response.status()).isEqualTo(503);
            JsonNode body = response.json();
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            JsonNode queue = body.get("dependencies").get(1);
            assertThat(queue.get("name").asText()).isEqualTo("queue");
            assertThat(queue.get("status").asText()).isEqualTo("DOWN");
            assertThat(queue.get("detail").asText()).as("the error text stays in the server log")
                    .isEqualTo(ReadinessResponse.DOWN_DETAIL).doesNotContain("connection refused");
            assertThat(body.get("dependencies").get(0).get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void metrics_expose_request_timings_by_route_template() {
        try (TestServer server = aServer().routes(new TestRoutes()).start()) {
            server.get("/health");
            server.get("/test/failures/conflict");
            server.get("/no/such/page");

            TestResponse response = server.get("/metrics");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/plain");
            assertThat(response.body())
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/health\"} 1")
                    .contains("uri=\"/test/failures/{kind}\"")
                    .contains("status=\"409\"")
                    .contains("uri=\"NOT_FOUND\"")
                    .doesNotContain("/no/such/page")
                    .doesNotContain("conflict\"");
        }
    }

    @Test
    void metrics_on_a_port_of_their_own_are_not_served_or_documented_on_the_public_port() throws Exception {
        try (TestServer server = aServer().metricsOnOwnPort().start()) {
            server.get("/health");
            int metricsPort = server.server().metricsPort();

            HttpResponse<String> scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), BodyHandlers.ofString());

            assertThat(metricsPort).isNotEqualTo(server.server().port());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                    + "status=\"200\",uri=\"/health\"} 1");
            assertThat(server.get("/metrics").status()).isEqualTo(404);
            assertThat(server.get("/openapi.json").json().path("paths").has("/metrics")).isFalse();
            assertThat(server.get("/openapi.json").json().path("paths").has("/health")).isTrue();
        }
    }
}
