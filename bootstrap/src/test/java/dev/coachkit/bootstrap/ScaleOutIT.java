package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.SchedulingClub.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.adapters.storage.testing.S3TestServer;
import dev.coachkit.application.testing.TestServices;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The scaled-out topology, as processes of the packaged jar: two {@code serve} processes with
 * {@code COACHKIT_WORKERS=none} and two {@code worker all} processes, all on one PostgreSQL, one
 * Redis, one SQS-compatible and one S3-compatible server. Clients spread their requests over both
 * API processes in turn, as a round-robin load balancer would; no request may fail, rate limits
 * and revocations hold across the processes, and every event is handled exactly once.
 */
class ScaleOutIT {

    private static final List<JarProcess> processes = new ArrayList<>();
    private static final List<Integer> apiPorts = new ArrayList<>();
    private static final List<Integer> workerPorts = new ArrayList<>();
    private static TestDatabase database;
    private static String queue;

    /** Every answer of this test class's requests, to prove afterwards that none was a server failure. */
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    @BeforeAll
    static void startTopology() throws IOException {
        database = TestDatabase.createOn(PostgresServer.shared());
        queue = SqsTestServer.uniqueQueueName("scale-out", false);
        Path logs = Files.createTempDirectory("coachkit-scale-out");
        Map<String, String> shared = sharedEnvironment(logs);
        List<CompletableFuture<JarProcess>> apis = new ArrayList<>();
        for (String name : List.of("api-1", "api-2")) {
            int port = TestServices.freeLoopbackPort();
            apiPorts.add(port);
            Map<String, String> environment = new HashMap<>(shared);
            environment.put("COACHKIT_PORT", Integer.toString(port));
            environment.put("COACHKIT_WORKERS", "none");
            JarProcess api = JarProcess.start(name, logs, environment, "serve");
            processes.add(api);
            apis.add(CompletableFuture.supplyAsync(() -> api.awaitHealthy(port)));
        }
        List<CompletableFuture<JarProcess>> workers = new ArrayList<>();
        for (String name : List.of("worker-1", "worker-2")) {
            int port = TestServices.freeLoopbackPort();
            workerPorts.add(port);
            Map<String, String> environment = new HashMap<>(shared);
            environment.put("COACHKIT_PORT", Integer.toString(port)); // the operations endpoints
            JarProcess worker = JarProcess.start(name, logs, environment, "worker", "all");
            processes.add(worker);
            workers.add(CompletableFuture.supplyAsync(() -> worker.awaitHealthy(port)));
        }
        apis.forEach(CompletableFuture::join);
        workers.forEach(CompletableFuture::join);
    }

    private static Map<String, String> sharedEnvironment(Path logs) {
        S3TestServer s3 = S3TestServer.shared();
        Map<String, String> environment = new HashMap<>();
        environment.put("COACHKIT_DATA_DIR", logs.resolve("data").toString());
        environment.put("COACHKIT_DATABASE_URL", database.runtime().jdbcUrl());
        environment.put("COACHKIT_WORKER_DATABASE_URL", database.worker().jdbcUrl());
        environment.put("COACHKIT_DATABASE_POOL_SIZE", "4");
        environment.put("COACHKIT_REDIS_URL", RedisServer.shared().url());
        environment.put("COACHKIT_JWT_SECRET", ExternalServers.JWT_SECRET);
        environment.put("COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
        environment.put("COACHKIT_SQS_QUEUE", queue);
        environment.put("COACHKIT_SQS_ENDPOINT", SqsTestServer.shared().endpoint().toString());
        environment.put("COACHKIT_SQS_REGION", SqsTestServer.REGION);
        environment.put("COACHKIT_OUTBOX_POLL_MILLIS", "100");
        environment.put("COACHKIT_BLOB_STORE", "s3");
        environment.put("COACHKIT_S3_BUCKET", s3.settingsForNewBucket().bucket());
        environment.put("COACHKIT_S3_ENDPOINT", s3.endpoint().toString());
        environment.put("COACHKIT_S3_REGION", S3TestServer.REGION);
        environment.put("COACHKIT_S3_ACCESS_KEY", S3TestServer.ACCESS_KEY);
        environment.put("COACHKIT_S3_SECRET_KEY", S3TestServer.SECRET_KEY);
        return environment;
    }

    @AfterEach
    void noRequestFailed() {
        assertThat(answers).noneSatisfy(answer -> assertThat(answer.statusCode()).isGreaterThanOrEqualTo(500));
        assertThat(processes).allSatisfy(process -> assertThat(process.isAlive()).isTrue());
    }

    @AfterAll
    static void stopTopology() {
        try {
            for (JarProcess process : processes) {
                // the JVM answers 128 + SIGTERM once its shutdown hook, the graceful stop, has run
                assertThat(process.stop()).as("exit code after SIGTERM; log:%n%s", process.log()).isEqualTo(143);
                assertThat(process.log()).contains("\"message\":\"stopping").doesNotContain("\"level\":\"ERROR\"");
            }
        } finally {
            processes.forEach(JarProcess::close);
        }
    }

    @Test
    void a_community_spread_over_both_api_processes_gets_each_notification_exactly_once() {
        ApiClient client = new ApiClient(apiPorts);
        Session admin = client.registerAdmin();
        Session coach = client.join(admin, "COACH");
        List<Session> athletes = List.of(client.join(admin, "ATHLETE"), client.join(admin, "ATHLETE"));
        String space = client.expect(201, "POST", "/spaces", Map.of("name", "Rowing", "isPrivate", true), coach)
                .path("id").asText();
        for (Session athlete : athletes) {
            client.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", athlete.userId()), coach);
        }
        List<String> posts = new ArrayList<>();
        for (Session author : List.of(coach, athletes.get(0), athletes.get(1), coach)) {
            posts.add(client.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT",
                    "content", "session notes by " + author.userId()), author).path("id").asText());
        }
        for (String post : posts) {
            client.expect(201, "POST", "/posts/" + post + "/comments", Map.of("content", "well rowed"), athletes.get(0));
        }
        JsonNode feed = client.expect(200, "GET", "/posts?limit=20", null, athletes.get(1));
        assertThat(feed.path("items")).hasSize(posts.size());

        // four posts, each seen by the two members who did not write it; athlete 0 comments on the three posts
        // of others (its own post's comment notifies nobody); the coach is notified of two of them
        eventually(() -> notifications(coach, "post.created") == 2 && notifications(coach, "comment.created") == 2
                && notifications(athletes.get(0), "post.created") == 3
                && notifications(athletes.get(1), "post.created") == 3
                && notifications(athletes.get(1), "comment.created") == 1, "the community's notifications");
        assertEveryEventHandledOnce();
    }

    @Test
    void a_stream_on_one_api_process_gets_what_is_written_through_the_other_and_by_a_worker() {
        ApiClient first = new ApiClient(apiPorts.get(0));
        ApiClient second = new ApiClient(apiPorts.get(1));
        Session coach = first.registerAdmin();
        Session athlete = first.join(coach, "ATHLETE");
        String space = first.expect(201, "POST", "/spaces", Map.of("name", "Rowing", "isPrivate", true), coach)
                .path("id").asText();
        first.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", athlete.userId()), coach);

        try (EventStreamClient onFirst = EventStreamClient.open(apiPorts.get(0), athlete);
                EventStreamClient onSecond = EventStreamClient.open(apiPorts.get(1), athlete)) {
            for (EventStreamClient stream : List.of(onFirst, onSecond)) {
                stream.awaitLive(() -> post(second, coach, space));
            }
            String post = post(second, coach, space);

            // the post committed by the second API process, its notification by whichever worker handled it
            for (EventStreamClient stream : List.of(onFirst, onSecond)) {
                stream.await("post.created", "postId", post);
                stream.await("notification.created", "subjectId", post);
                assertThat(stream.events()).extracting(EventStreamClient.Event::id).doesNotHaveDuplicates();
            }
        }
    }

    private static String post(ApiClient client, Session author, String space) {
        return client.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content", "Catch drill"),
                author).path("id").asText();
    }

    @Test
    void a_token_refreshed_or_revoked_through_one_api_process_is_refused_by_the_other() {
        ApiClient client = new ApiClient(apiPorts);
        Session admin = client.registerAdmin();
        JsonNode me = client.expect(200, "GET", "/auth/me", null, admin);
        Map<String, String> credentials = Map.of("email", me.at("/user/email").asText(), "password", ApiClient.PASSWORD);
        String firstRefresh = client.expect(200, "POST", "/auth/login", credentials, null).path("refreshToken").asText();

        JsonNode rotated = client.expect(200, "POST", "/auth/refresh", Map.of("refreshToken", firstRefresh), null);
        client.expect(401, "POST", "/auth/refresh", Map.of("refreshToken", firstRefresh), null);
        client.expect(401, "POST", "/auth/refresh", Map.of("refreshToken", rotated.path("refreshToken").asText()),
                null); // reuse revoked the whole family, on whichever process saw it

        JsonNode login = client.expect(200, "POST", "/auth/login", credentials, null);
        Session signedIn = Session.from(login);
        client.expect(200, "GET", "/auth/me", null, signedIn);
        client.expect(204, "POST", "/auth/logout", Map.of("refreshToken", login.path("refreshToken").asText()),
                signedIn);
        for (int request = 0; request < 2; request++) { // once on each API process
            client.expect(401, "GET", "/auth/me", null, signedIn);
        }
    }

    @Test
    void a_demoted_admin_is_refused_every_admin_write_by_both_api_processes_with_a_token_from_before() {
        ApiClient client = new ApiClient(apiPorts);
        Session owner = client.registerAdmin();
        Session demoted = client.join(owner, "ADMIN");
        Session athlete = client.join(owner, "ATHLETE");
        String members = "/tenants/" + owner.tenantId() + "/members/";
        client.expect(200, "PATCH", members + demoted.userId(), Map.of("role", "ATHLETE"), owner);

        for (int round = 0; round < 2; round++) { // five requests a round: each lands on both processes
            client.expect(403, "PATCH", members + demoted.userId(), Map.of("role", "ADMIN"), demoted);
            client.expect(403, "PATCH", members + athlete.userId(), Map.of("role", "ADMIN"), demoted);
            client.expect(403, "POST", "/tenants/" + owner.tenantId() + "/invite",
                    Map.of("email", ApiClient.uniqueEmail("eve"), "role", "ADMIN"), demoted);
            client.expect(403, "POST", "/spaces", Map.of("name", "Taken over", "isPrivate", true), demoted);
            client.expect(403, "POST", "/admin/export", Map.of(), demoted);
        }
        JsonNode me = client.expect(200, "GET", "/auth/me", null, demoted);
        assertThat(me.path("role").asText()).isEqualTo("ATHLETE");
    }

    @Test
    void the_auth_rate_limit_of_one_address_is_shared_by_both_api_processes() {
        ApiClient client = new ApiClient(apiPorts);
        int capacity = 20; // COACHKIT_RATE_LIMIT_AUTH_PER_IP's default, per minute
        int allowed = 0;
        int limited = 0;
        Instant started = Instant.now();
        for (int attempt = 0; attempt < 2 * capacity; attempt++) {
            HttpResponse<String> answer = client.send("POST", "/auth/login", Map.of(
                    "email", ApiClient.uniqueEmail("nobody"), "password", "not the password"), null);
            answers.add(answer);
            if (answer.statusCode() == 429) {
                limited++;
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
                allowed++;
            }
        }
        // two separate buckets would let all forty through; the shared one refills a token every three seconds
        long refills = Duration.between(started, Instant.now()).toSeconds() / 3 + 1;
        assertThat(allowed).isBetween(capacity, (int) Math.min(capacity + refills, 2L * capacity - 1));
        assertThat(limited).isEqualTo(2 * capacity - allowed);
    }

    @Test
    void racing_bookings_of_one_slot_through_both_api_processes_book_it_exactly_once() throws Exception {
        ApiClient client = new ApiClient(apiPorts);
        Session admin = client.registerAdmin();
        Session coach = client.join(admin, "COACH");
        List<Session> athletes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            athletes.add(client.join(admin, "ATHLETE"));
        }
        client.openEveryDay(coach);

        ExecutorService racers = Executors.newFixedThreadPool(athletes.size());
        try {
            for (int slot = 0; slot < 3; slot++) {
                Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(3 + slot).atTime(LocalTime.of(9, 0))
                        .toInstant(ZoneOffset.UTC);
                Map<String, String> booking = Map.of("coachId", coach.userId(), "startsAt", start.toString(),
                        "endsAt", start.plusSeconds(3600).toString());
                CountDownLatch go = new CountDownLatch(1);
                ConcurrentLinkedQueue<HttpResponse<String>> outcomes = new ConcurrentLinkedQueue<>();
                List<CompletableFuture<Void>> racing = athletes.stream().map(athlete -> CompletableFuture.runAsync(() -> {
                    awaitQuietly(go);
                    outcomes.add(client.send("POST", "/scheduling/sessions/book", booking, athlete));
                }, racers)).toList();
                go.countDown();
                racing.forEach(CompletableFuture::join);

                answers.addAll(outcomes);
                assertThat(outcomes).extracting(HttpResponse::statusCode).as("slot %s", start)
                        .containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
            }
        } finally {
            racers.shutdownNow();
        }
        JsonNode sessions = client.expect(200, "GET", "/scheduling/sessions?limit=50", null, coach);
        assertThat(sessions.path("items")).hasSize(3);
        eventually(() -> notifications(coach, "session.scheduled") == 3, "the coach's three booking notifications");
        assertEveryEventHandledOnce();
    }

    @Test
    void an_image_uploaded_through_one_api_process_is_finalized_on_the_other_and_processed_once() throws Exception {
        ApiClient first = new ApiClient(apiPorts.get(0));
        ApiClient second = new ApiClient(apiPorts.get(1));
        Session coach = first.registerAdmin();
        byte[] png = png();
        JsonNode intent = first.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "stroke.png",
                "contentType", "image/png", "sizeBytes", png.length), coach);
        String mediaId = intent.path("mediaId").asText();
        HttpClient storage = HttpClient.newHttpClient();
        HttpResponse<String> put = storage.send(HttpRequest.newBuilder(URI.create(intent.at("/parts/0/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        second.expect(202, "POST", "/media/" + mediaId + "/finalize", Map.of("parts", List.of()), coach);

        eventually(() -> first.expect(200, "GET", "/media/" + mediaId, null, coach).path("status").asText()
                .equals("READY"), "media " + mediaId + " READY");
        JsonNode media = second.expect(200, "GET", "/media/" + mediaId, null, coach);
        assertThat(media.path("width").asInt()).isEqualTo(64);
        String playback = first.expect(200, "GET", "/media/" + mediaId + "/playback-url", null, coach)
                .path("url").asText();
        HttpResponse<byte[]> played = storage.send(HttpRequest.newBuilder(URI.create(playback)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.body()).isEqualTo(png);
        assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where type = 'media.processed'"
                + " and subject_id = ?::uuid", mediaId)).isEqualTo(1);
        assertEveryEventHandledOnce();
    }

    @Test
    void every_process_answers_its_operations_endpoints_and_only_workers_depend_on_the_queue() throws Exception {
        for (int port : apiPorts) {
            HttpProbe api = new HttpProbe(port);
            JsonNode ready = ApiClient.json(api.get("/ready"));
            assertThat(dependencies(ready)).as("the API process on %d", port)
                    .contains("database", "redis", "blob-store").doesNotContain("queue", "outbox");
        }
        ApiClient client = new ApiClient(apiPorts);
        client.join(client.registerAdmin(), "ATHLETE"); // member.invited, an event for the relays to count
        eventually(() -> workerPorts.stream()
                .mapToDouble(port -> PrometheusSamples.scrape(port).sum("coachkit_outbox_relayed_total")).sum() > 0,
                "the workers' relays counting published events");
        for (int port : workerPorts) {
            HttpProbe worker = new HttpProbe(port);
            HttpResponse<String> ready = worker.get("/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(dependencies(ApiClient.json(ready))).as("the worker process on %d", port)
                    .contains("database", "redis", "blob-store", "outbox", "queue");
            assertThat(worker.get("/metrics").body()).contains("coachkit_outbox_pending", "coachkit_queue_messages",
                    "hikaricp_connections", "jvm_memory_used_bytes");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/auth/me")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("a worker serves no API").isEqualTo(404);
        }
    }

    private static List<String> dependencies(JsonNode ready) {
        List<String> names = new ArrayList<>();
        ready.path("dependencies").forEach(dependency -> names.add(dependency.path("name").asText()));
        return names;
    }

    /**
     * Every event of the run has left the outbox and the queue: none waits, none is parked as dead, none
     * sits in the dead-letter queue; and no consumer made a notification twice.
     */
    private static void assertEveryEventHandledOnce() {
        eventually(() -> database.queryNumberAsOwner(
                "select count(*) from outbox_events where published_at is null") == 0, "the outbox drained");
        assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where dead_at is not null"))
                .isZero();
        try (SqsClient sqs = SqsTestServer.shared().client()) {
            eventually(() -> depth(sqs, queue) == 0, "the queue drained");
            assertThat(depth(sqs, queue + "-dlq")).as("dead letters").isZero();
        }
        assertThat(database.queryNumberAsOwner("select count(*) from (select 1 from notifications"
                + " group by tenant_id, recipient_id, type, subject_id having count(*) > 1) duplicates")).isZero();
    }

    private static long depth(SqsClient sqs, String name) {
        String url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static long notifications(Session recipient, String type) {
        return database.queryNumberAsOwner("select count(*) from notifications where recipient_id = ?::uuid"
                + " and type = ?", recipient.userId(), type);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, Color.ORANGE.getRGB());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
