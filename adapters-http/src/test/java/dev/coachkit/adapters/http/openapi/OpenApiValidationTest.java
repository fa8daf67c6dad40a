package dev.coachkit.adapters.http.openapi;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapters.http.admin.AdminRoutes;
import dev.coachkit.adapters.http.admin.ExportRoutes;
import dev.coachkit.adapters.http.community.PostRoutes;
import dev.coachkit.adapters.http.community.SpaceRoutes;
import dev.coachkit.adapters.http.identity.IdentityRoutes;
import dev.coachkit.adapters.http.media.AnnotationRoutes;
import dev.coachkit.adapters.http.media.MediaRoutes;
import dev.coachkit.adapters.http.notification.NotificationRoutes;
import dev.coachkit.adapters.http.scheduling.SchedulingRoutes;
import dev.coachkit.adapters.http.testing.OpenApiDocumentCheck;
import dev.coachkit.adapters.http.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The document served for the production routes passes validators that did not write it, and the
 * same validators reject deliberately broken copies (so a green run means something). The signed
 * {@code /blobs} routes need a local blob store, which this module does not have: the bootstrap
 * end-to-end tests run the same check on the document of the fully wired server.
 */
class OpenApiValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String document;

    @BeforeAll
    static void serve() {
        try (TestServer server = aServer()
                .routesOf(core -> new IdentityRoutes(core.identity()))
                .routesOf(core -> new SpaceRoutes(core.community()))
                .routesOf(core -> new PostRoutes(core.community()))
                .routesOf(core -> new AdminRoutes(core.admin()))
                .routesOf(core -> new NotificationRoutes(core.listNotifications(), core.markNotificationRead()))
                .routesOf(core -> new SchedulingRoutes(core.scheduling(), "https://api.example.com"))
                .routesOf(core -> new MediaRoutes(core.media()))
                .routesOf(core -> new AnnotationRoutes(core.media()))
                .routesOf(core -> new ExportRoutes(core.exports()))
                .start()) {
            document = server.get("/openapi.json").body();
        }
    }

    @Test
    void the_production_document_has_no_validation_message() {
        assertThat(OpenApiDocumentCheck.problems(document)).isEmpty();
    }

    @Test
    void an_operation_without_responses_is_reported() {
        String broken = edit(doc -> ((ObjectNode) doc.at("/paths/~1auth~1login/post")).remove("responses"));

        assertThat(OpenApiDocumentCheck.problems(broken)).anyMatch(m -> m.contains("responses"));
    }

    @Test
    void an_unexpected_field_in_an_operation_is_reported() {
        String broken = edit(doc -> ((ObjectNode) doc.at("/paths/~1auth~1login/post")).put("summery", "typo"));

        assertThat(OpenApiDocumentCheck.problems(broken)).anyMatch(m -> m.contains("summery"));
    }

    @Test
    void a_reference_to_a_missing_schema_is_reported() {
        String broken = edit(doc -> ((ObjectNode) doc.at("/paths/~1auth~1login/post/requestBody/content/"
                + "application~1json/schema")).put("$ref", "#/components/schemas/NoSuchThing"));

        assertThat(OpenApiDocumentCheck.problems(broken)).anyMatch(m -> m.contains("NoSuchThing"));
    }

    @Test
    void a_schema_with_an_unknown_type_is_reported() {
        String broken = edit(doc -> ((ObjectNode) doc.at("/components/schemas/ProblemDetail/properties/title"))
                .put("type", "text"));

        assertThat(OpenApiDocumentCheck.problems(broken)).anyMatch(m -> m.contains("/components/schemas/ProblemDetail"));
    }

    @Test
    void the_main_flows_show_a_request_and_a_response_example() {
        JsonNode paths = read(document).path("paths");
        List<String> withRequest = List.of("POST /auth/register", "POST /auth/login", "POST /auth/refresh",
                "POST /spaces", "POST /posts", "POST /posts/{id}/comments", "POST /media/upload-intent",
                "POST /media/{id}/finalize", "POST /scheduling/sessions/book", "POST /scheduling/availability");
        List<String> responseOnly = List.of("GET /posts", "GET /scheduling/availability/{coachId}");
        for (String operation : concat(withRequest, responseOnly)) {
            String[] methodAndPath = operation.split(" ");
            JsonNode node = paths.path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
            JsonNode success = node.path("responses").properties().stream()
                    .filter(response -> response.getKey().startsWith("2")).findFirst().orElseThrow().getValue();
            assertThat(success.at("/content/application~1json/example").isObject()).as(operation).isTrue();
            if (withRequest.contains(operation)) {
                assertThat(node.at("/requestBody/content/application~1json/example").isObject()).as(operation).isTrue();
            }
        }
    }

    @Test
    void an_example_that_breaks_its_schema_is_reported() {
        String broken = edit(doc -> ((ObjectNode) doc.at("/paths/~1auth~1register/post/requestBody/content/"
                + "application~1json/example")).put("email", "not an e-mail"));

        assertThat(OpenApiDocumentCheck.problems(broken))
                .anyMatch(m -> m.contains("~1auth~1register/post/requestBody") && m.contains("/email"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String edit(Consumer<JsonNode> change) {
        JsonNode copy = read(document);
        change.accept(copy);
        try {
            return JSON.writeValueAsString(copy);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
