package dev.coachkit.adapters.http.openapi;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.http.testing.OpenApiResponseCheck;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiResponseCheckTest {

    private static final String MEMBER = "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"age\":30}";
    private static TestServer server;
    private static OpenApiResponseCheck check;

    @BeforeAll
    static void start() {
        server = aServer().routes(new TestRoutes()).start();
        check = new OpenApiResponseCheck(server.get("/openapi.json").body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void real_answers_of_documented_operations_conform() {
        TestResponse created = server.postJson("/test/members", MEMBER);
        TestResponse notFound = server.get("/test/failures/not-found");

        assertThat(created.status()).isEqualTo(201);
        assertThat(check.problems("POST", "/test/members", 201, created.contentType(), created.body())).isEmpty();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(check.problems("GET", "/test/failures/not-found", 404, notFound.contentType(), notFound.body()))
                .isEmpty();
    }

    @Test
    void an_undocumented_operation_or_status_is_reported() {
        assertThat(check.problems("GET", "/test/nothing-here", 200, "application/json", "{}"))
                .containsExactly("the document has no operation GET /test/nothing-here");
        assertThat(check.problems("DELETE", "/test/members", 204, null, ""))
                .containsExactly("the document has no operation DELETE /test/members");
        assertThat(check.problems("GET", "/test/failures/x?y=1", 418, "application/problem+json", "{}"))
                .containsExactly("status 418 is not documented for GET /test/failures/{kind}");
    }

    @Test
    void a_wrong_content_type_is_reported() {
        assertThat(check.problems("POST", "/test/members", 201, "text/plain", MEMBER))
                .singleElement().asString().contains("text/plain", "application/json");
    }

    @Test
    void a_documented_media_range_covers_the_types_in_it() {
        OpenApiResponseCheck ranges = new OpenApiResponseCheck("{\"openapi\":\"3.1.0\",\"paths\":{\"/blob\":{\"get\":"
                + "{\"responses\":{\"200\":{\"content\":{\"*/*\":{}}},\"404\":{\"content\":{\"text/*\":{}}}}}}}}");

        assertThat(ranges.problems("GET", "/blob", 200, "image/png", "bytes")).isEmpty();
        assertThat(ranges.problems("GET", "/blob", 404, "text/plain; charset=utf-8", "gone")).isEmpty();
        assertThat(ranges.problems("GET", "/blob", 404, "image/png", "bytes")).hasSize(1);
    }

    @Test
    void a_body_that_breaks_the_schema_is_reported() {
        String wrong = "{\"name\":\"Ann\",\"age\":\"thirty\",\"spaceId\":\"not-a-uuid\",\"joinedAt\":null}";

        assertThat(check.problems("POST", "/test/members", 201, "application/json; charset=utf-8", wrong))
                .anyMatch(error -> error.contains("email"))
                .anyMatch(error -> error.contains("/age"))
                .anyMatch(error -> error.contains("/spaceId"))
                .noneMatch(error -> error.contains("/joinedAt")); // documented as nullable
    }
}
