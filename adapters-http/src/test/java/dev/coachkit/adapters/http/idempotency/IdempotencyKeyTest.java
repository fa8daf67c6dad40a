package dev.coachkit.adapters.http.idempotency;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.http.testing.StubAuthentication;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestServer;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on POSTs, over the in-memory core. */
class IdempotencyKeyTest {

    private static final String OTHER_TOKEN = "other-caller";

    private final IdempotencyRoutes routes = new IdempotencyRoutes();
    private final TestServer server = aServer().routes(routes)
            .authentication(new StubAuthentication().accept(OTHER_TOKEN,
                    new Actor(StubAuthentication.TENANT, AccountId.of(UUID.randomUUID()), Role.COACH)))
            .start();

    @AfterEach
    void stop() {
        routes.slowRelease.countDown();
        server.close();
    }

    private TestResponse post(String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        return server.send(key == null ? request : request.header(IdempotentRequests.HEADER, key));
    }

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_response_without_running_again() {
        TestResponse first = post("/test/things", "k-1", "{\"name\":\"a\"}");
        TestResponse retry = post("/test/things", "k-1", "{\"name\":\"a\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(IdempotentRequests.REPLAYED)).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(routes.created).hasValue(1);
    }

    @Test
    void the_same_key_with_another_body_or_path_is_refused_with_422() {
        post("/test/things", "k-2", "{\"name\":\"a\"}");

        TestResponse otherBody = post("/test/things", "k-2", "{\"name\":\"b\"}");
        TestResponse otherPath = post("/test/flaky", "k-2", "{\"name\":\"a\"}");

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(otherBody.json().get("detail").asText()).contains("Idempotency-Key");
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(routes.created).hasValue(1);
        assertThat(routes.flakyRuns).hasValue(0);
    }

    @Test
    void without_a_key_every_request_runs() {
        post("/test/things", null, "{\"name\":\"a\"}");
        post("/test/things", null, "{\"name\":\"a\"}");

        assertThat(routes.created).hasValue(2);
    }

    @Test
    void keys_belong_to_their_caller_so_another_account_reusing_the_text_runs_its_own_request() {
        post("/test/things", "shared", "{\"name\":\"a\"}");
        HttpRequest.Builder other = HttpRequest.newBuilder(server.uri("/test/things"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\"}"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + OTHER_TOKEN)
                .header(IdempotentRequests.HEADER, "shared");

        TestResponse theirs = server.send(other);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header(IdempotentRequests.REPLAYED)).isNull();
        assertThat(theirs.json().get("id").asInt()).isEqualTo(2);
    }

    @Test
    void a_key_that_is_not_1_to_255_printable_ascii_is_refused_with_400_before_anything_runs() {
        TestResponse tooLong = post("/test/things", "x".repeat(256), "{\"name\":\"a\"}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(routes.created).hasValue(0);
        assertThat(post("/test/things", "x".repeat(255), "{\"name\":\"a\"}").status()).isEqualTo(201);
    }

    @Test
    void a_server_failure_is_not_stored_so_the_retry_runs_again_and_its_success_is_then_replayed() {
        routes.flakyFailures.set(1);

        TestResponse failed = post("/test/flaky", "k-3", "{\"name\":\"a\"}");
        TestResponse retried = post("/test/flaky", "k-3", "{\"name\":\"a\"}");
        TestResponse replayed = post("/test/flaky", "k-3", "{\"name\":\"a\"}");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header(IdempotentRequests.REPLAYED)).isNull();
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(replayed.header(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(routes.flakyRuns).hasValue(2);
    }

    @Test
    void a_5xx_answer_the_handler_wrote_itself_is_not_stored_either() {
        post("/test/answers-503", "k-4", "");
        TestResponse retry = post("/test/answers-503", "k-4", "");

        assertThat(retry.status()).isEqualTo(503);
        assertThat(retry.header(IdempotentRequests.REPLAYED)).isNull();
        assertThat(routes.flakyRuns).hasValue(2);
    }

    @Test
    void a_rejected_request_changed_nothing_so_its_retry_runs_again() {
        routes.rejections.set(1);

        TestResponse rejected = post("/test/flaky", "k-5", "{\"name\":\"a\"}");
        TestResponse retried = post("/test/flaky", "k-5", "{\"name\":\"a\"}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(routes.flakyRuns).hasValue(2);
    }

    @Test
    void a_duplicate_while_the_first_still_runs_gets_409_with_retry_after_and_later_the_replay() throws Exception {
        CompletableFuture<TestResponse> first = CompletableFuture.supplyAsync(
                () -> post("/test/slow", "k-6", "{\"name\":\"a\"}"));
        assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

        TestResponse duplicate = post("/test/slow", "k-6", "{\"name\":\"a\"}");
        routes.slowRelease.countDown();
        TestResponse original = first.get(10, TimeUnit.SECONDS);
        TestResponse later = post("/test/slow", "k-6", "{\"name\":\"a\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.header("Retry-After")).isEqualTo("1");
        assertThat(original.status()).isEqualTo(201);
        assertThat(later.body()).isEqualTo(original.body());
        assertThat(later.header(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(routes.created).hasValue(1);
    }

    @Test
    void a_response_without_a_body_is_replayed_with_its_status() {
        post("/test/empty", "k-7", "");
        TestResponse retry = post("/test/empty", "k-7", "");

        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.header(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(routes.emptyRuns).hasValue(1);
    }

    @Test
    void a_public_route_replays_a_retry_that_repeats_its_authorization_and_refuses_one_that_does_not() {
        String key = UUID.randomUUID().toString();
        TestResponse first = server.send(publicPost(key, "Bearer ann"));
        TestResponse retry = server.send(publicPost(key, "Bearer ann"));
        TestResponse otherCredentials = server.send(publicPost(key, "Bearer bo"));

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(IdempotentRequests.REPLAYED)).isEqualTo("true");
        assertThat(otherCredentials.status()).isEqualTo(422);
        assertThat(routes.publics).hasValue(1);
    }

    @Test
    void a_public_route_needs_a_key_of_16_characters_at_least_as_anonymous_keys_share_one_namespace() {
        TestResponse tooShort = server.send(publicPost("x".repeat(15), null));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get(0).get("field").asText()).isEqualTo(IdempotentRequests.HEADER);
        assertThat(server.send(publicPost("x".repeat(16), null)).status()).isEqualTo(201);
        assertThat(routes.publics).hasValue(1);
    }

    @Test
    void the_document_names_the_header_and_its_outcomes_on_every_post() {
        JsonNode paths = server.get("/openapi.json").json().get("paths");
        JsonNode things = paths.get("/test/things").get("post");
        JsonNode open = paths.get("/test/public").get("post");

        assertThat(headerParameters(things)).containsExactly(IdempotentRequests.HEADER);
        assertThat(things.get("responses").get("409").get("headers").has("Retry-After")).isTrue();
        assertThat(things.get("responses").get("422").get("description").asText()).contains("Idempotency-Key");
        assertThat(things.get("responses").get("201").get("headers").has(IdempotentRequests.REPLAYED)).isTrue();
        assertThat(headerParameters(open)).containsExactly(IdempotentRequests.HEADER);
        assertThat(open.get("parameters").get(0).get("schema").get("minLength").asInt()).isEqualTo(16);
        assertThat(open.get("responses").has("409")).isTrue();
    }

    private HttpRequest.Builder publicPost(String key, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/test/public"))
                .POST(HttpRequest.BodyPublishers.noBody()).header(IdempotentRequests.HEADER, key);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static List<String> headerParameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        if (operation.has("parameters")) {
            operation.get("parameters").forEach(p -> {
                if (p.get("in").asText().equals("header")) {
                    names.add(p.get("name").asText());
                }
            });
        }
        return names;
    }
}
