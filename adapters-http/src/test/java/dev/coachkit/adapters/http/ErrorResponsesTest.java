package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTest {

    private static final String VALID_MEMBER = """
            {"name":"Ada","email":"ada@example.com","age":36,"spaceId":"7f1c1a9e-0000-4000-8000-000000000001",
             "joinedAt":"2024-03-01T10:15:30Z","slots":[{"day":"MONDAY"}]}""";

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().routes(new TestRoutes()).settings(s -> s.withMaxRequestBodyBytes(4096)).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void valid_body_reaches_the_handler_with_iso_instants() {
        TestResponse response = server.postJson("/test/members", VALID_MEMBER);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("joinedAt").asText()).isEqualTo("2024-03-01T10:15:30Z");
        assertThat(response.json().get("spaceId").asText()).isEqualTo("7f1c1a9e-0000-4000-8000-000000000001");
    }

    @Test
    void unknown_fields_are_ignored_for_forward_compatibility() {
        TestResponse response = server.postJson("/test/members", VALID_MEMBER.replace("{\"name\"", "{\"nickname\":\"x\",\"name\""));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void unknown_route_answers_404_problem() {
        TestResponse response = server.get("/no/such/thing");

        assertProblem(response, 404, "https://coachkit.dev/problems/not-found");
        assertThat(response.json().get("detail").asText()).contains("GET /no/such/thing");
        assertThat(response.json().get("instance").asText()).isEqualTo("/no/such/thing");
    }

    @Test
    void malformed_json_answers_400() {
        TestResponse response = server.postJson("/test/members", "{\"name\": \"Ada\", ");

        assertProblem(response, 400, "https://coachkit.dev/problems/malformed-request");
        assertThat(response.body()).doesNotContain("jackson", "Exception", "dev.coachkit");
    }

    @Test
    void trailing_garbage_after_json_answers_400() {
        assertProblem(server.postJson("/test/members", VALID_MEMBER + " {}"), 400,
                "https://coachkit.dev/problems/malformed-request");
    }

    @Test
    void value_of_the_wrong_type_answers_400_naming_the_field() {
        TestResponse response = server.postJson("/test/members", VALID_MEMBER.replace("\"age\":36", "\"age\":\"old\""));

        assertProblem(response, 400, "https://coachkit.dev/problems/malformed-request");
        assertThat(fields(response.json())).containsExactly("age");
        assertThat(response.body()).doesNotContain("java.", "Integer");
    }

    @Test
    void json_nested_deeper_than_the_limit_answers_400() {
        String deep = "[".repeat(200) + "]".repeat(200);

        TestResponse response = server.postJson("/test/members", "{\"slots\":" + deep + "}");

        assertProblem(response, 400, "https://coachkit.dev/problems/malformed-request");
    }

    @Test
    void invalid_body_answers_400_naming_each_field() {
        TestResponse response = server.postJson("/test/members",
                "{\"name\":\"\",\"email\":\"not-an-email\",\"age\":3,\"slots\":[{\"day\":\" \"}]}");

        assertProblem(response, 400, "https://coachkit.dev/problems/invalid-input");
        assertThat(fields(response.json())).containsExactly("age", "email", "name", "slots[0].day");
        assertThat(response.json().get("errors").get(0).get("message").asText()).isEqualTo("must be greater than or equal to 13");
    }

    @Test
    void missing_body_answers_400_naming_the_body() {
        TestResponse response = server.postJson("/test/members", "");

        assertProblem(response, 400, "https://coachkit.dev/problems/invalid-input");
        assertThat(fields(response.json())).containsExactly("body");
    }

    @Test
    void wrong_method_answers_405() {
        TestResponse response = server.send(HttpRequest.newBuilder(server.uri("/health")).DELETE());

        assertProblem(response, 405, "https://coachkit.dev/problems/method-not-allowed");
        assertThat(response.header("Allow")).isEqualTo("GET");
    }

    @Test
    void body_over_the_limit_answers_413() {
        TestResponse response = server.postJson("/test/members", VALID_MEMBER.replace("Ada", "A".repeat(5000)));

        assertProblem(response, 413, "https://coachkit.dev/problems/content-too-large");
        assertThat(response.json().get("detail").asText()).contains("4096");
    }

    @Test
    void chunked_body_over_the_limit_answers_413() {
        byte[] big = VALID_MEMBER.replace("Ada", "A".repeat(5000)).getBytes();
        TestResponse response = server.send(HttpRequest.newBuilder(server.uri("/test/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));

        assertProblem(response, 413, "https://coachkit.dev/problems/content-too-large");
    }

    @Test
    void wrong_content_type_on_a_json_endpoint_answers_415() {
        TestResponse response = server.post("/test/members", VALID_MEMBER, "text/plain");

        assertProblem(response, 415, "https://coachkit.dev/problems/unsupported-media-type");
        assertThat(response.json().get("detail").asText()).contains("text/plain");
    }

    @Test
    void missing_content_type_on_a_json_endpoint_answers_415() {
        assertProblem(server.post("/test/members", VALID_MEMBER, null), 415,
                "https://coachkit.dev/problems/unsupported-media-type");
    }

    @Test
    void json_with_a_charset_parameter_is_accepted() {
        assertThat(server.post("/test/members", VALID_MEMBER, "application/json; charset=utf-8").status()).isEqualTo(201);
    }

    @Test
    void unexpected_failure_answers_500_without_internals() {
        TestResponse response = server.get("/test/boom");

        assertProblem(response, 500, "https://coachkit.dev/problems/internal-error");
        assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException", "at dev.", "db:5432");
        assertThat(response.json().get("requestId").asText()).isEqualTo(response.header("X-Request-Id"));
    }

    @ParameterizedTest
    @CsvSource({
        "not-found,     404, https://coachkit.dev/problems/not-found,      Space 42 was not found",
        "conflict,      409, https://coachkit.dev/problems/conflict,       the slot is already booked",
        "forbidden,     403, https://coachkit.dev/problems/forbidden,      only the owner may do this",
        "unauthenticated, 401, https://coachkit.dev/problems/unauthorized, wrong e-mail or password",
        "business-rule, 422, https://coachkit.dev/problems/business-rule,  sessions cannot start in the past"
    })
    void domain_errors_map_to_their_status_with_their_message(String kind, int status, String type, String detail) {
        TestResponse response = server.get("/test/failures/" + kind);

        assertProblem(response, status, type);
        assertThat(response.json().get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void authentication_failure_answers_401_naming_the_bearer_scheme() {
        TestResponse response = server.get("/test/failures/unauthenticated");

        assertProblem(response, 401, "https://coachkit.dev/problems/unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    private static void assertProblem(TestResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("requestId").asText()).isNotBlank().isEqualTo(response.header("X-Request-Id"));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
