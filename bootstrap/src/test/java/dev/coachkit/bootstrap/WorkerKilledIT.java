package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.SchedulingClub.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.testing.RedisServer;
import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.testing.TestServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A {@code worker all} process killed with SIGKILL while it relays and consumes a burst of events,
 * then a fresh one started: every event is published, each consumer applies each event once, and
 * nothing stays claimed — the killed process's row locks die with its connections, and the messages
 * it had received come back after the visibility timeout, to be skipped or applied by the new one.
 */
class WorkerKilledIT {

    /** Enough events that relaying and consuming them takes longer than noticing that it has begun. */
    private static final int SESSIONS = 150;

    private final String queue = SqsTestServer.uniqueQueueName("killed", false);
    private TestDatabase database;
    private CoachKitServer api;
    private JarProcess killed;
    private JarProcess successor;

    @TempDir
    Path logs;

    @BeforeEach
    void start() {
        database = TestDatabase.createOn(PostgresServer.shared());
        api = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_WORKERS", "none",
                "COACHKIT_RATE_LIMIT_PER_IP", "100000",
                "COACHKIT_SQS_QUEUE", queue,
                "COACHKIT_SQS_ENDPOINT", SqsTestServer.shared().endpoint().toString()))));
    }

    @AfterEach
    void stop() {
        for (JarProcess worker : new JarProcess[] {successor, killed}) {
            if (worker != null) {
                worker.close();
            }
        }
        api.close();
    }

    @Test
    void a_worker_killed_mid_burst_loses_nothing_and_its_successor_applies_nothing_twice() {
        SchedulingClub club = new SchedulingClub(new HttpProbe(api.port()));
        club.openAllWeek(club.coach);
        Instant firstStart = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        for (int i = 0; i < SESSIONS; i++) {
            expect(201, club.book(club.athlete, club.coach, firstStart.plus(Duration.ofMinutes(30L * i)),
                    Duration.ofMinutes(30), null));
        }
        assertThat(count("select count(*) from outbox_events where published_at is not null"))
                .as("no worker yet: the burst waits in the outbox").isZero();

        killed = worker("worker-1");
        Await.until(() -> handled() > 0, Duration.ofSeconds(60), "the first worker handling the burst");
        // no shutdown hook: a relay transaction in flight is rolled back, the messages in hand are not deleted
        assertThat(killed.kill()).as("128 + SIGKILL").isEqualTo(137);
        assertThat(handled()).as("killed mid-burst, before it had handled every event").isLessThan(SESSIONS);

        successor = worker("worker-2");
        // the killed worker's received messages reappear only after the 30 s visibility timeout
        Await.until(() -> count("select count(*) from outbox_events where published_at is null") == 0
                && handled() == SESSIONS, Duration.ofSeconds(120), "every event published and handled");
        Await.until(() -> queueDepth() == 0, Duration.ofSeconds(60), "the queue drained");

        assertThat(count("select count(*) from notifications where type = 'session.scheduled'"))
                .as("one notification per session to the coach and one to the athlete").isEqualTo(2L * SESSIONS);
        assertThat(count("select count(*) from (select recipient_id, subject_id from notifications"
                + " where type = 'session.scheduled' group by 1, 2 having count(*) > 1) twice"))
                .as("no notification twice").isZero();
        assertThat(count("select count(*) from outbox_events where dead_at is not null or attempts > 0"))
                .as("no event dead, none failed and retried").isZero();
        assertThat(deadLetters()).as("nothing in the dead-letter queue").isZero();
        assertThat(successor.log()).doesNotContain("\"level\":\"ERROR\"");
    }

    private JarProcess worker(String name) {
        int port = TestServices.freeLoopbackPort();
        Map<String, String> environment = new HashMap<>();
        environment.put("COACHKIT_PORT", Integer.toString(port)); // the operations endpoints
        environment.put("COACHKIT_DATA_DIR", logs.resolve("data").toString());
        environment.put("COACHKIT_DATABASE_URL", database.runtime().jdbcUrl());
        environment.put("COACHKIT_WORKER_DATABASE_URL", database.worker().jdbcUrl());
        environment.put("COACHKIT_REDIS_URL", RedisServer.shared().url());
        environment.put("COACHKIT_JWT_SECRET", ExternalServers.JWT_SECRET);
        environment.put("COACHKIT_SQS_QUEUE", queue);
        environment.put("COACHKIT_SQS_ENDPOINT", SqsTestServer.shared().endpoint().toString());
        environment.put("COACHKIT_SQS_REGION", SqsTestServer.REGION);
        environment.put("COACHKIT_OUTBOX_POLL_MILLIS", "100");
        return JarProcess.start(name, logs, environment, "worker", "all").awaitHealthy(port);
    }

    private long handled() {
        return count("select count(*) from processed_events where consumer = 'session-notifications'");
    }

    private long count(String sql) {
        return database.queryNumberAsOwner(sql);
    }

    private long queueDepth() {
        return approximate(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + approximate(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private long deadLetters() {
        return approximate(queue + "-dlq", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private static long approximate(String name, QueueAttributeName attribute) {
        try (SqsClient sqs = SqsTestServer.shared().client()) {
            String url = sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
            return Long.parseLong(sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(attribute))
                    .attributes().get(attribute));
        }
    }
}
