package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapters.messaging.mail.LoggingMailer;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Upgrading keeps the events an older release left in the outbox: a database migrated to V15 (the
 * schema of commit 1ab9cad, before typed events) holding data that release wrote, with 20 events of
 * every type it records still pending ({@code upgrade/before-typed-events.sql}, whose header says
 * how it was made), is opened by the current server, which migrates it to the latest version and
 * relays and dispatches every one of those rows in-process. Checked only through the database and
 * the public API, never through event types, so the test holds across changes to how events are
 * typed and serialized.
 */
class OutboxUpgradeTest {

    private static final String FIXTURE = "/upgrade/before-typed-events.sql";
    private static final int FIXTURE_EVENTS = 20;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each consumer the old rows must reach, and the event types it handles (its stable name is in processed_events). */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "invitation-email", List.of("member.invited"),
            "post-notifications", List.of("post.created"),
            "comment-notifications", List.of("comment.created"),
            "session-notifications", List.of("session.scheduled", "session.cancelled", "session.reminder"),
            "media-processor", List.of("media.uploaded"),
            "export-builder", List.of("export.requested"),
            "erased-media-cleanup", List.of("user.erased"));

    /** Every type the release before typed events wrote, with how many rows of it the fixture holds. */
    private static final Map<String, Long> FIXTURE_TYPES = Map.ofEntries(
            Map.entry("member.invited", 3L), Map.entry("space.member_added", 2L),
            Map.entry("space.member_removed", 1L), Map.entry("post.created", 2L), Map.entry("post.deleted", 1L),
            Map.entry("comment.created", 1L), Map.entry("media.uploaded", 2L), Map.entry("media.processed", 1L),
            Map.entry("media.deleted", 1L), Map.entry("session.scheduled", 2L), Map.entry("session.cancelled", 1L),
            Map.entry("session.reminder", 1L), Map.entry("export.requested", 1L), Map.entry("user.erased", 1L));

    /**
     * The fixture's rows only: the upgraded server records events of its own (media.processed,
     * perhaps reminders), numbered after the fixture's last sequence number (21: the erasure deleted
     * the row of Eve's invitation).
     */
    private static final String FIXTURE_ROWS = "select tenant_id, id, type, subject_id from outbox_events"
            + " where sequence_number <= 21";

    @Test
    void events_an_older_release_left_pending_are_delivered_to_every_consumer_after_the_upgrade() throws Exception {
        TestDatabase database = TestDatabase.createMigratedTo(PostgresServer.shared(), "15");
        loadAsOwner(database, fixture());
        assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where published_at is null"
                + " and dead_at is null")).as("pending rows in the fixture").isEqualTo(FIXTURE_EVENTS);
        assertThat(database.queryNumberAsOwner("select count(*) from (" + FIXTURE_ROWS + ") o"))
                .isEqualTo(FIXTURE_EVENTS);
        FIXTURE_TYPES.forEach((type, rows) -> assertThat(database.queryNumberAsOwner(
                "select count(*) from outbox_events where type = ?", type)).as(type).isEqualTo(rows));

        ListAppender<ILoggingEvent> mails = new ListAppender<>();
        mails.start();
        Logger mailLog = (Logger) LoggerFactory.getLogger(LoggingMailer.class);
        mailLog.addAppender(mails);
        // the default COACHKIT_WORKERS (all) without SQS: the relay dispatches to the consumers in this process
        try (CoachKitServer server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database,
                Map.of("COACHKIT_DATA_DIR", Files.createTempDirectory("coachkit-upgrade").toString(),
                        "COACHKIT_PUBLIC_URL", "https://coach.example.test"))))) {
            assertThat(database.queryNumberAsOwner("select count(*) from flyway_schema_history"
                    + " where success and version is not null and version::int > 15"))
                    .as("the server applied the migrations after V15").isPositive();

            Await.until(() -> database.queryNumberAsOwner("select count(*) from (" + FIXTURE_ROWS
                    + " and published_at is not null and dead_at is null) o") == FIXTURE_EVENTS, BUDGET,
                    "every fixture event published: " + outboxState(database));
            for (Map.Entry<String, List<String>> consumer : CONSUMERS.entrySet()) {
                long wanted = database.queryNumberAsOwner("select count(*) from (" + FIXTURE_ROWS
                        + " and type = any(?)) o", (Object) consumer.getValue().toArray(String[]::new));
                assertThat(wanted).as("fixture events for %s", consumer.getKey()).isPositive();
                Await.until(() -> database.queryNumberAsOwner("select count(*) from processed_events p join ("
                        + FIXTURE_ROWS + ") o on o.tenant_id = p.tenant_id and o.id = p.event_id"
                        + " where p.consumer = ? and o.type = any(?)", consumer.getKey(),
                        consumer.getValue().toArray(String[]::new)) == wanted, BUDGET,
                        consumer.getKey() + " processing its " + wanted + " fixture event(s)");
                assertThat(database.queryNumberAsOwner("select count(*) from processed_events p join ("
                        + FIXTURE_ROWS + ") o on o.tenant_id = p.tenant_id and o.id = p.event_id"
                        + " where p.consumer = ? and not o.type = any(?)", consumer.getKey(),
                        consumer.getValue().toArray(String[]::new)))
                        .as("%s handled only what it wants", consumer.getKey()).isZero();
            }
            assertThat(database.queryNumberAsOwner("select count(*) from outbox_events where dead_at is not null"))
                    .as("dead events").isZero();

            // the consumers' effects, read from what they wrote
            assertThat(notifications(database, "post.created")).as("a post notification per fixture post,"
                    + " to the space's other member (Bo for Ann's post, Ann for Bo's)").isEqualTo(2);
            assertThat(notifications(database, "comment.created")).as("Ann, for Bo's comment").isEqualTo(1);
            assertThat(notifications(database, "session.scheduled")).as("coach and athlete, two bookings").isEqualTo(4);
            assertThat(notifications(database, "session.cancelled")).as("coach and athlete").isEqualTo(2);
            assertThat(notifications(database, "session.reminder")).as("coach and athlete").isGreaterThanOrEqualTo(2);
            for (String invitee : List.of("bo@example.com", "cy@example.com", "dee@example.com")) {
                String mail = "to " + LoggingMailer.fingerprint(invitee) + ", subject: You are invited to join CoachKit as ";
                assertThat(mails.list.stream().filter(line -> line.getFormattedMessage().contains(mail)).count())
                        .as("invitation e-mail to %s", invitee).isEqualTo(1);
            }
            Await.until(() -> database.queryNumberAsOwner("select count(*) from media_assets"
                    + " where status = 'PROCESSING'") == 0, BUDGET, "the uploaded media leaving PROCESSING");
            assertThat(database.queryNumberAsOwner("select count(*) from media_assets where status in ('READY', 'FAILED')"))
                    .as("both fixture uploads settled").isEqualTo(2);
            Await.until(() -> database.queryNumberAsOwner("select count(*) from data_exports"
                    + " where status <> 'PENDING'") == 1, BUDGET, "the requested export settled");

            // and through the public API, with the password the fixture's member was registered with
            HttpProbe http = new HttpProbe(server.port());
            HttpResponse<String> login = http.send("POST", "/auth/login",
                    "{\"email\":\"bo@example.com\",\"password\":\"another good password\"}", null);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            HttpResponse<String> inbox = http.send("GET", "/notifications", null,
                    JSON.readTree(login.body()).path("accessToken").asText());
            assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
            List<String> types = new ArrayList<>();
            for (JsonNode item : JSON.readTree(inbox.body()).path("items")) {
                types.add(item.path("type").asText());
            }
            assertThat(types).as("Bo's notifications").containsExactly("post.created");
        } finally {
            mailLog.detachAppender(mails);
        }
    }

    private static long notifications(TestDatabase database, String type) {
        // a comment's notification names the post, which is the subject of a fixture post.created
        return database.queryNumberAsOwner("select count(*) from notifications n where n.type = ? and exists ("
                + FIXTURE_ROWS + " and subject_id = n.subject_id)", type);
    }

    private static String outboxState(TestDatabase database) {
        return database.queryNumberAsOwner("select count(*) from (" + FIXTURE_ROWS + " and published_at is null"
                + " and dead_at is null) o") + " pending, "
                + database.queryNumberAsOwner("select count(*) from (" + FIXTURE_ROWS + " and dead_at is not null) o")
                + " dead";
    }

    private static String fixture() throws IOException {
        try (InputStream in = OutboxUpgradeTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** As pg_dump's output is meant to be restored: by the owner (a superuser), in one transaction. */
    private static void loadAsOwner(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.owner().jdbcUrl());
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(sql);
            connection.commit();
        }
    }
}
