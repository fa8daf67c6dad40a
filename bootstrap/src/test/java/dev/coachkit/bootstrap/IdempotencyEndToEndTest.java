package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Idempotency-Key} on the wired server (PostgreSQL with RLS): retries of POST /posts replay the
 * first answer, a changed body is refused, and racing duplicates create one post.
 */
class IdempotencyEndToEndTest {

    private static final String KEY = "Idempotency-Key";

    @RegisterExtension
    static final WiredServer SERVER = new WiredServer();

    private ApiClient api;
    private Session admin;
    private String spaceId;

    @BeforeEach
    void organization() {
        api = SERVER.client();
        admin = api.registerAdmin();
        spaceId = api.expect(201, "POST", "/spaces", Map.of("name", "Crew", "isPrivate", true), admin)
                .path("id").asText();
    }

    private HttpResponse<String> createPost(String key, String content) {
        return api.send("POST", "/posts", Map.of("spaceId", spaceId, "type", "TEXT", "content", content), admin,
                Map.of(KEY, key));
    }

    private List<String> postIds() {
        List<String> ids = new ArrayList<>();
        api.expect(200, "GET", "/posts?spaceId=" + spaceId, null, admin).path("items")
                .forEach(post -> ids.add(post.path("id").asText()));
        return ids;
    }

    @Test
    void a_retry_replays_the_same_post_and_creates_nothing_new_and_a_changed_body_is_refused() {
        HttpResponse<String> first = createPost("retry-1", "Monday drills");
        HttpResponse<String> retry = createPost("retry-1", "Monday drills");
        HttpResponse<String> changed = createPost("retry-1", "Tuesday drills");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(changed).path("detail").asText()).contains("Idempotency-Key");
        assertThat(postIds()).containsExactly(ApiClient.json(first).path("id").asText());
    }

    @Test
    void racing_duplicates_create_one_post_and_every_answer_is_it_or_a_retry_later() throws Exception {
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return createPost("race-1", "Race day");
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> created = postIds();
        assertThat(created).hasSize(1);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(201, 409);
            if (answer.statusCode() == 201) {
                assertThat(ApiClient.json(answer).path("id").asText()).isEqualTo(created.get(0));
            } else {
                assertThat(answer.headers().firstValue("Retry-After")).contains("1");
            }
        }
        assertThat(answers).filteredOn(a -> a.statusCode() == 201 && a.headers().firstValue("Idempotent-Replayed")
                .isEmpty()).hasSize(1);
        JsonNode settled = ApiClient.json(createPost("race-1", "Race day"));
        assertThat(settled.path("id").asText()).isEqualTo(created.get(0));
    }
}
