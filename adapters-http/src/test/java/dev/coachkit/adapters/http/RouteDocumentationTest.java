package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.realtime.RealtimeRoutes;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.application.realtime.RealtimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every endpoint Javalin serves must appear in /openapi.json, and nothing documented may be missing. */
class RouteDocumentationTest {

    @Test
    void every_registered_endpoint_is_documented_and_every_documented_one_is_served() {
        try (TestServer server = aServer().routes(new TestRoutes()).start()) {
            JsonNode document = server.get("/openapi.json").json();
            List<String> registered = server.server().registeredEndpoints();

            assertThat(registered).contains("GET /health", "POST /test/members", "GET /test/failures/{kind}");
            assertThat(undocumented(registered, document)).isEmpty();
            assertThat(documented(document)).containsExactlyInAnyOrderElementsOf(registered);
        }
    }

    @Test
    void the_real_time_endpoints_are_documented_the_websocket_one_included() {
        try (TestServer server = aServer().routesOf(core -> new RealtimeRoutes(core.module(RealtimeModule.class))).start()) {
            JsonNode document = server.get("/openapi.json").json();
            List<String> registered = server.server().registeredEndpoints();

            assertThat(registered).contains("POST /realtime/tickets", "GET /realtime/events", "GET /realtime/ws");
            assertThat(undocumented(registered, document)).isEmpty();
        }
    }

    @Test
    void an_endpoint_missing_from_the_document_is_reported() {
        try (TestServer server = aServer().start()) {
            JsonNode document = server.get("/openapi.json").json();
            List<String> registered = new ArrayList<>(server.server().registeredEndpoints());
            registered.add("GET /sneaky/{id}");

            assertThat(undocumented(registered, document)).containsExactly("GET /sneaky/{id}");
        }
    }

    /** Registered endpoints that the OpenAPI document does not describe. */
    static List<String> undocumented(List<String> registered, JsonNode document) {
        Set<String> documented = documented(document);
        return registered.stream().filter(endpoint -> !documented.contains(endpoint)).toList();
    }

    static Set<String> documented(JsonNode document) {
        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return documented;
    }
}
