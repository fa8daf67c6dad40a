package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.SchedulingClub.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQS-compatible server goes away under a running server (relay and consumer in the process)
 * and comes back: writes are accepted all along, their events wait in the outbox while the relay
 * backs off, none is dead-lettered, and after the queue returns every event is published and
 * handled exactly once.
 */
class QueueOutageEndToEndTest {

    /** Waits out the relay's backoff (1 s doubling) and the consumer's (1 s doubling): generous, condition-driven. */
    private static final Duration OUTAGE_BUDGET = Duration.ofSeconds(60);

    private static final int SESSIONS = 6;

    private TestDatabase database;
    private OutageProxy queue;
    private CoachKitServer server;

    @BeforeEach
    void start() {
        database = TestDatabase.createOn(PostgresServer.shared());
        URI sqs = SqsTestServer.shared().endpoint();
        queue = OutageProxy.to(sqs.getHost(), sqs.getPort());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_SQS_QUEUE", SqsTestServer.uniqueQueueName("outage", false),
                "COACHKIT_SQS_ENDPOINT", "http://127.0.0.1:" + queue.port()))));
    }

    @AfterEach
    void stop() {
        server.close();
        queue.close();
    }

    @Test
    void writes_are_accepted_while_the_queue_is_down_and_every_event_is_handled_once_after_it_returns() {
        SchedulingClub club = new SchedulingClub(new HttpProbe(server.port()));
        club.openAllWeek(club.coach);
        Await.until(() -> count("select count(*) from outbox_events where published_at is null") == 0, OUTAGE_BUDGET,
                "the invitations' events relayed before the outage");

        queue.cut();
        Instant firstStart = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        for (int i = 0; i < SESSIONS; i++) {
            expect(201, club.book(club.athlete, club.coach, firstStart.plus(Duration.ofHours(i)),
                    Duration.ofMinutes(30), null));
        }
        Await.until(() -> count("select count(*) from outbox_events where type = 'session.scheduled'"
                + " and published_at is null and attempts >= 2") == SESSIONS, OUTAGE_BUDGET,
                "the relay tried each event at least twice and backed off");
        assertThat(new HttpProbe(server.port()).get("/ready").body()).as("the queue is reported down")
                .containsPattern("\"name\":\"queue\",\"status\":\"(?!UP)");
        assertThat(count("select count(*) from outbox_events where dead_at is not null")).as("none dead").isZero();
        assertThat(count("select count(*) from notifications where type = 'session.scheduled'")).isZero();

        queue.restore();
        Await.until(() -> count("select count(*) from outbox_events where published_at is null") == 0, OUTAGE_BUDGET,
                "every event published after the queue returned");
        Await.until(() -> count("select count(*) from processed_events where consumer = 'session-notifications'")
                == SESSIONS, OUTAGE_BUDGET, "every session event handled");
        // the coach and the athlete each get one notification per session: 2 per event, no more
        Await.until(() -> count("select count(*) from notifications where type = 'session.scheduled'")
                == 2L * SESSIONS, OUTAGE_BUDGET, "a notification per session and participant");
        assertThat(count("select count(*) from outbox_events where dead_at is not null")).as("none dead").isZero();
        assertThat(count("select count(*) from (select recipient_id, subject_id from notifications"
                + " where type = 'session.scheduled' group by 1, 2 having count(*) > 1) twice"))
                .as("no notification twice").isZero();
    }

    private long count(String sql) {
        return database.queryNumberAsOwner(sql);
    }
}
