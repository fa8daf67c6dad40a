package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running server while clients keep booking, and comes back: while
 * it is down every request answers 503 with {@code Retry-After} within the pool's connection
 * timeout, none 500; the pool then recovers by itself; and no write is partial — every session
 * committed has its {@code session.scheduled} event, each delivered once.
 */
class DatabaseOutageEndToEndTest {

    /** How long the pool may take to fail requests and to recover once the database is back. */
    private static final Duration OUTAGE_BUDGET = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;
    /** The pool's connection timeout (5 s) and some slack: a request must not hang on a dead database. */
    private static final Duration FAST = Duration.ofSeconds(8);

    private TestDatabase database;
    private OutageProxy postgres;
    private CoachKitServer server;

    /** One answer of the load: its status, how long it took, whether it said when to retry. */
    private record Answer(int status, Duration took, boolean retryAfter, String body, Instant at) {}

    @BeforeEach
    void start() {
        database = TestDatabase.createOn(PostgresServer.shared());
        URI direct = URI.create(database.runtime().jdbcUrl().substring("jdbc:".length()));
        postgres = OutageProxy.to(direct.getHost(), direct.getPort());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_DATABASE_URL", throughProxy(database.runtime().jdbcUrl(), direct),
                "COACHKIT_WORKER_DATABASE_URL", throughProxy(database.worker().jdbcUrl(), direct),
                "COACHKIT_RATE_LIMIT_PER_IP", "1000000",
                "COACHKIT_RATE_LIMIT_PER_ACCOUNT", "1000000",
                "COACHKIT_RATE_LIMIT_PER_TENANT", "1000000",
                "COACHKIT_OUTBOX_POLL_MILLIS", "200"))));
    }

    private String throughProxy(String jdbcUrl, URI direct) {
        return jdbcUrl.replace("//" + direct.getHost() + ":" + direct.getPort() + "/",
                "//127.0.0.1:" + postgres.port() + "/");
    }

    @AfterEach
    void stop() {
        server.close();
        postgres.close();
    }

    @Test
    void requests_fail_fast_with_503_while_the_database_is_down_and_nothing_is_half_written() throws Exception {
        SchedulingClub club = new SchedulingClub(new HttpProbe(server.port()));
        club.openAllWeek(club.coach);
        Instant firstStart = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        AtomicInteger slots = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            load.execute(() -> {
                while (running.get()) {
                    Instant sent = Instant.now();
                    HttpResponse<String> response = club.book(club.athlete, club.coach,
                            firstStart.plus(Duration.ofMinutes(30L * slots.getAndIncrement())), Duration.ofMinutes(30),
                            null);
                    answers.add(new Answer(response.statusCode(), Duration.between(sent, Instant.now()),
                            response.headers().firstValue("Retry-After").isPresent(), response.body(), Instant.now()));
                }
            });
        }
        try {
            Await.until(() -> count(answers, 201) >= 20, OUTAGE_BUDGET, "bookings before the outage");
            postgres.cut();
            Instant cut = Instant.now();
            Await.until(() -> count(answers, 503) >= 2 * CLIENTS, OUTAGE_BUDGET, "503s while the database is down");
            postgres.restore();
            Instant restored = Instant.now();
            Await.until(() -> answers.stream().filter(a -> a.at().isAfter(restored) && a.status() == 201).count() >= 20,
                    OUTAGE_BUDGET, "bookings after the database returned: the pool recovered");
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 503));
            assertThat(answers).filteredOn(answer -> answer.status() == 503).allSatisfy(answer -> {
                assertThat(answer.retryAfter()).as("Retry-After on " + answer.body()).isTrue();
                assertThat(answer.took()).as("failed fast").isLessThan(FAST);
                assertThat(answer.at()).isAfter(cut);
                assertThat(detail(answer.body())).isEqualTo("the database is unavailable; retry later");
            });
        } finally {
            running.set(false);
            load.shutdownNow();
        }

        long sessions = database.queryNumberAsOwner("select count(*) from sessions");
        assertThat(sessions).as("every 201 committed").isGreaterThanOrEqualTo(count(answers, 201));
        assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where type = 'session.scheduled'"))
                .as("each committed session with its event, none without").isEqualTo(sessions);
        Await.until(() -> database.queryNumberAsOwner("select count(*) from processed_events"
                + " where consumer = 'session-notifications'") == sessions, OUTAGE_BUDGET,
                "every session event handled once");
        assertThat(database.queryNumberAsOwner("select count(*) from notifications where type = 'session.scheduled'"))
                .isEqualTo(2 * sessions);
    }

    private static String detail(String problem) {
        try {
            return JSON.readTree(problem).path("detail").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + problem, e);
        }
    }

    private static long count(ConcurrentLinkedQueue<Answer> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }
}
