package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private TestServer server;
    private JsonNode document;

    @BeforeAll
    void start() {
        server = aServer().routes(new TestRoutes()).settings(s -> s.withPublicUrl("https://api.example.com")).start();
        TestResponse response = server.get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void document_is_openapi_3_1_with_info_servers_and_bearer_security() {
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/info/title").asText()).isEqualTo("CoachKit API");
        assertThat(document.at("/info/version").asText()).isNotBlank();
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("https://api.example.com");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.at("/paths/~1health/get/responses/200/headers/X-Request-Id/$ref").asText())
                .isEqualTo("#/components/headers/RequestId");
        assertThat(document.at("/components/headers/RequestId/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void document_lists_the_operations_endpoints_as_public() {
        for (String path : List.of("/health", "/ready", "/metrics", "/openapi.json", "/docs")) {
            JsonNode get = document.at("/paths/" + escape(path) + "/get");
            assertThat(get.isObject()).as(path).isTrue();
            assertThat(get.get("operationId").asText()).as(path).isNotBlank();
            assertThat(get.get("security")).as(path).isEmpty();
        }
        assertThat(document.at("/paths/~1ready/get/responses/503/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ReadinessResponse");
    }

    @Test
    void routes_require_a_bearer_token_unless_declared_public() {
        JsonNode post = document.at("/paths/~1test~1members/post");

        assertThat(post.has("security")).isFalse(); // inherits the document-wide bearer requirement
        assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(post.at("/responses/401/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void request_body_schema_carries_the_validation_rules() {
        JsonNode post = document.at("/paths/~1test~1members/post");
        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/TestRoutesMemberRequest");

        JsonNode schema = document.at("/components/schemas/TestRoutesMemberRequest");
        assertThat(strings(schema.get("required"))).containsExactly("name", "email", "age");
        assertThat(schema.at("/properties/name/maxLength").asInt()).isEqualTo(40);
        assertThat(schema.at("/properties/email/format").asText()).isEqualTo("email");
        assertThat(schema.at("/properties/age/minimum").asInt()).isEqualTo(13);
        assertThat(schema.at("/properties/spaceId/format").asText()).isEqualTo("uuid");
        assertThat(schema.at("/properties/joinedAt/format").asText()).isEqualTo("date-time");
        assertThat(schema.at("/properties/slots/items/$ref").asText()).isEqualTo("#/components/schemas/TestRoutesSlot");
    }

    @Test
    void every_error_response_is_documented_as_problem_json() {
        List<String> errorResponses = new ArrayList<>();
        document.get("paths").forEach(item -> item.forEach(operation -> operation.get("responses").fields()
                .forEachRemaining(response -> {
                    if (Integer.parseInt(response.getKey()) >= 400 && !response.getKey().equals("503")) {
                        errorResponses.add(response.getValue().at("/content/application~1problem+json/schema/$ref").asText());
                    }
                })));

        assertThat(errorResponses).isNotEmpty().allMatch("#/components/schemas/ProblemDetail"::equals);
    }

    @Test
    void json_body_routes_document_400_413_415_and_500() {
        JsonNode responses = document.at("/paths/~1test~1members/post/responses");

        assertThat(iterable(responses.fieldNames())).contains("201", "400", "401", "413", "415", "500");
    }

    @Test
    void every_operation_documents_429_and_protected_ones_401() {
        List<String> checked = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            boolean isPublic = operation.getValue().has("security");
            assertThat(responses.has("429")).as(item.getKey()).isTrue();
            assertThat(responses.at("/429/headers/Retry-After/$ref").asText()).isEqualTo("#/components/headers/RetryAfter");
            if (!isPublic) {
                assertThat(responses.has("401")).as(item.getKey()).isTrue();
            }
            checked.add(item.getKey());
        }));

        assertThat(checked).contains("/health", "/test/members");
    }

    @Test
    void responses_document_the_rate_limit_headers() {
        JsonNode headers = document.at("/paths/~1health/get/responses/200/headers");

        assertThat(headers.at("/RateLimit-Limit/$ref").asText()).isEqualTo("#/components/headers/RateLimitLimit");
        assertThat(headers.at("/RateLimit-Remaining/$ref").asText()).isEqualTo("#/components/headers/RateLimitRemaining");
        assertThat(headers.at("/RateLimit-Reset/$ref").asText()).isEqualTo("#/components/headers/RateLimitReset");
        assertThat(document.at("/components/headers/RetryAfter/schema/type").asText()).isEqualTo("integer");
    }

    @Test
    void path_parameters_are_documented() {
        JsonNode parameter = document.at("/paths/~1test~1failures~1{kind}/get/parameters/0");

        assertThat(parameter.get("name").asText()).isEqualTo("kind");
        assertThat(parameter.get("in").asText()).isEqualTo("path");
        assertThat(parameter.get("required").asBoolean()).isTrue();
    }

    @Test
    void problem_schema_describes_rfc_9457_fields_and_field_errors() {
        JsonNode problem = document.at("/components/schemas/ProblemDetail");

        assertThat(strings(problem.get("required"))).contains("type", "title", "status", "detail", "requestId");
        assertThat(problem.at("/properties/errors/items/$ref").asText())
                .isEqualTo("#/components/schemas/ProblemDetailFieldError");
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> values = new ArrayList<>();
        names.forEachRemaining(values::add);
        return values;
    }
}
