package dev.coachkit.bootstrap;

import static dev.coachkit.bootstrap.SchedulingClub.eventually;
import static dev.coachkit.bootstrap.SchedulingClub.expect;
import static dev.coachkit.bootstrap.SchedulingClub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.SchedulingClub.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders with two scheduler processes on one database, one of them restarted: each session gets
 * each reminder exactly once, a cancelled session none. The API process runs no scheduler; the
 * reminder offset is one minute so that the test waits seconds, not hours.
 */
class SchedulingRemindersEndToEndTest {

    private TestDatabase database;
    private CoachKitServer api;
    private CoachKitServer firstScheduler;
    private CoachKitServer secondScheduler;

    private Configuration configuration(String workers) {
        return Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_WORKERS", workers,
                "COACHKIT_REMINDER_OFFSETS", "1m",
                "COACHKIT_REMINDER_INTERVAL_SECONDS", "1")));
    }

    private CoachKitServer scheduler() {
        return CoachKitServer.start(configuration("none"), false, Set.of(Worker.SCHEDULER));
    }

    @BeforeEach
    void start() {
        database = TestDatabase.createOn(PostgresServer.shared());
        api = CoachKitServer.start(configuration("outbox-relay,notifications"));
        firstScheduler = scheduler();
        secondScheduler = scheduler();
    }

    @AfterEach
    void stop() {
        for (CoachKitServer server : List.of(secondScheduler, firstScheduler, api)) {
            server.close();
        }
    }

    @Test
    void each_session_is_reminded_exactly_once_by_two_schedulers_and_a_restart_and_a_cancelled_one_never() {
        SchedulingClub club = new SchedulingClub(new HttpProbe(api.port()));
        club.openAllWeek(club.coach);
        club.openAllWeek(club.otherCoach);
        // the reminder moments, one minute before the start, come about ten and fifteen seconds from now:
        // the cancelled session's first, so that it has passed when the reminded one's has
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(75);
        Instant cancelledStart = start.minusSeconds(5);
        String cancelled = json(expect(201, club.book(club.otherAthlete, club.otherCoach, cancelledStart,
                Duration.ofMinutes(1), null))).path("id").asText();
        expect(200, club.send("POST", "/scheduling/sessions/" + cancelled + "/cancel", null, club.otherCoach.token()));
        String reminded = json(expect(201, club.book(club.athlete, club.coach, start, Duration.ofMinutes(1), null)))
                .path("id").asText();

        eventually(() -> reminders(reminded) == 1, "the reminder of " + reminded);
        secondScheduler.close();
        secondScheduler = scheduler();
        pause(Duration.ofSeconds(3));

        assertThat(Instant.now()).as("the cancelled session's reminder moment has passed, its start has not")
                .isAfter(cancelledStart.minus(Duration.ofMinutes(1))).isBefore(cancelledStart);
        assertThat(reminders(reminded)).as("exactly once").isEqualTo(1);
        assertThat(reminders(cancelled)).as("a cancelled session").isZero();
        for (Member member : List.of(club.coach, club.athlete)) {
            eventually(() -> notificationTypes(club, member).contains("session.reminder"),
                    "the reminder notification of " + member.id());
        }
        assertThat(notificationTypes(club, club.athlete).stream().filter("session.reminder"::equals)).hasSize(1);
    }

    private long reminders(String sessionId) {
        return database.queryNumberAsOwner("select count(*) from outbox_events where type = 'session.reminder'"
                + " and subject_id = ?::uuid", sessionId);
    }

    private static List<String> notificationTypes(SchedulingClub club, Member member) {
        JsonNode page = json(expect(200, club.get("/notifications", member)));
        return StreamSupport.stream(page.path("items").spliterator(), false).map(n -> n.path("type").asText()).toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
