package dev.coachkit.adapters.http.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiRouteTest {

    private static ApiRoute.Builder aRoute(String path) {
        return ApiRoute.post(path).operationId("createThing").tag("Things").summary("Creates a thing")
                .json(201, "Created", String.class);
    }

    @Test
    void routes_require_authentication_unless_declared_public() {
        assertThat(aRoute("/things").handle(ctx -> {}).authenticated()).isTrue();
        assertThat(aRoute("/things").publicAccess().handle(ctx -> {}).authenticated()).isFalse();
    }

    @Test
    void path_parameters_are_read_from_the_template() {
        assertThat(aRoute("/spaces/{spaceId}/members/{userId}").handle(ctx -> {}).pathParameterNames())
                .containsExactly("spaceId", "userId");
    }

    @Test
    void body_routes_document_the_infrastructure_errors() {
        ApiRoute route = aRoute("/things").body(String.class).handle(ctx -> {});

        assertThat(route.documentedResponses()).extracting(ApiResponse::status)
                .containsExactly(201, 400, 401, 408, 409, 413, 415, 422, 429, 500, 503);
    }

    @Test
    void a_route_without_parameters_or_body_documents_400_for_a_malformed_query_string() {
        ApiRoute route = ApiRoute.get("/things").operationId("listThings").json(200, "ok", String.class)
                .handle(ctx -> {});

        assertThat(route.documentedResponses()).extracting(ApiResponse::status).contains(400);
    }

    @Test
    void every_post_documents_the_idempotency_key_outcomes_next_to_its_own() {
        ApiRoute route = aRoute("/things").errors(409).handle(ctx -> {});
        ApiRoute open = aRoute("/things").publicAccess().handle(ctx -> {});

        assertThat(route.acceptsIdempotencyKey()).isTrue();
        assertThat(route.documentedResponses()).filteredOn(r -> r.status() == 409).singleElement()
                .satisfies(r -> assertThat(r.description()).startsWith("Conflict with the current state; or: ")
                        .contains("Idempotency-Key"));
        assertThat(open.acceptsIdempotencyKey()).isTrue();
        assertThat(open.documentedResponses()).extracting(ApiResponse::status).contains(409, 422);
        assertThat(ApiRoute.get("/things").operationId("listThings").json(200, "ok", String.class)
                .handle(ctx -> {}).acceptsIdempotencyKey()).isFalse();
    }

    @Test
    void an_example_of_another_type_than_the_body_is_rejected() {
        assertThatThrownBy(() -> new ApiResponse(200, "A count", ApiResponse.JSON, Integer.class, "seven"))
                .hasMessageContaining("example");
        assertThatThrownBy(() -> ApiResponse.empty(204, "Nothing").withExample("something"))
                .hasMessageContaining("example");
        assertThat(aRoute("/things").body(String.class, "a thing").handle(ctx -> {}).requestExample()).isEqualTo("a thing");
    }

    @Test
    void a_route_without_operation_id_or_success_response_is_rejected() {
        assertThatThrownBy(() -> ApiRoute.get("/x").summary("x").handle(ctx -> {})).hasMessageContaining("operationId");
        assertThatThrownBy(() -> ApiRoute.get("/x").operationId("getX").errors(404).handle(ctx -> {}))
                .hasMessageContaining("no success response");
    }

    @Test
    void javalin_style_or_malformed_paths_are_rejected() {
        assertThatThrownBy(() -> aRoute("/things/<id>").handle(ctx -> {})).hasMessageContaining("route path");
        assertThatThrownBy(() -> aRoute("things").handle(ctx -> {})).hasMessageContaining("route path");
    }
}
