package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void sane_client_request_id_is_echoed() {
        TestResponse response = getWithRequestId("/health", "client-42.retry:1");

        assertThat(response.header("X-Request-Id")).isEqualTo("client-42.retry:1");
    }

    @Test
    void missing_request_id_is_generated() {
        TestResponse response = server.get("/health");

        assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void each_request_gets_its_own_generated_id() {
        assertThat(server.get("/health").header("X-Request-Id")).isNotEqualTo(server.get("/health").header("X-Request-Id"));
    }

    @Test
    void request_id_with_unsafe_characters_is_replaced() {
        TestResponse response = getWithRequestId("/health", "abc\"<script>");

        assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void overlong_request_id_is_replaced() {
        TestResponse response = getWithRequestId("/health", "a".repeat(129));

        assertThat(UUID.fromString(response.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void request_id_is_on_error_responses_and_in_the_problem() {
        TestResponse response = getWithRequestId("/nowhere", "trace-7");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-7");
        assertThat(response.json().get("requestId").asText()).isEqualTo("trace-7");
    }

    @Test
    void request_id_is_on_static_asset_responses() {
        TestResponse response = server.get("/docs");

        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    private TestResponse getWithRequestId(String path, String id) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-Request-Id", id).GET());
    }
}
