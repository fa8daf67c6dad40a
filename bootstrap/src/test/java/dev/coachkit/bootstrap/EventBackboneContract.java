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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The event backbone on the wired server: an invitation travels from the outbox through the relay
 * and the transport to the e-mail consumer exactly once; notifications are listed and read. Run
 * with in-process dispatch and through a real SQS-compatible server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventBackboneContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ListAppender<ILoggingEvent> mails = new ListAppender<>();
    private TestDatabase database;
    private CoachKitServer server;
    private HttpProbe http;

    /** Settings that choose the transport. */
    protected abstract Map<String, String> transport();

    @BeforeAll
    void start() {
        mails.start();
        ((Logger) LoggerFactory.getLogger(LoggingMailer.class)).addAppender(mails);
        database = TestDatabase.createOn(PostgresServer.shared());
        Map<String, String> settings = new HashMap<>(transport());
        settings.put("COACHKIT_PUBLIC_URL", "https://coach.example.test");
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, settings)));
        http = new HttpProbe(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger(LoggingMailer.class)).detachAppender(mails);
    }

    @Test
    void an_invitation_is_e_mailed_once_and_recorded_as_processed() throws Exception {
        JsonNode admin = register();
        String invitee = "bo-" + UUID.randomUUID() + "@club.test";
        HttpResponse<String> invited = http.send("POST", "/tenants/" + admin.at("/tenant/id").asText() + "/invite",
                "{\"email\":\"" + invitee + "\",\"role\":\"ATHLETE\"}", admin.path("accessToken").asText());
        assertThat(invited.statusCode()).isEqualTo(201);
        // without SMTP the mailer logs a fingerprint of whom it would write to on a shared deployment (this
        // one has a database of its own), and never the link: the accept token is a bearer secret
        String mail = "to " + LoggingMailer.fingerprint(invitee) + ", subject: You are invited to join CoachKit as ATHLETE";
        String invitationId = JSON.readTree(invited.body()).path("id").asText();

        await(() -> mailsContaining(mail) == 1);
        await(() -> database.queryNumberAsOwner("select count(*) from processed_events p join outbox_events o"
                + " on o.id = p.event_id where p.consumer = 'invitation-email' and o.subject_id = ?::uuid",
                invitationId) == 1);
        await(() -> database.queryNumberAsOwner("select count(*) from outbox_events where subject_id = ?::uuid"
                + " and published_at is not null", invitationId) == 1);

        assertThat(mailsContaining(mail)).as("delivered exactly once").isEqualTo(1);
        assertThat(http.get("/ready").body()).contains("\"outbox\"", "pending=");
    }

    @Test
    void metrics_expose_jvm_http_pool_outbox_relay_and_where_configured_queue_series() throws Exception {
        JsonNode admin = register();
        http.send("POST", "/tenants/" + admin.at("/tenant/id").asText() + "/invite",
                "{\"email\":\"cy-" + UUID.randomUUID() + "@club.test\",\"role\":\"COACH\"}",
                admin.path("accessToken").asText());
        await(() -> {
            String scraped = http.get("/metrics").body();
            return metric(scraped, "coachkit_outbox_relayed_total{outcome=\"published\"}") >= 1
                    && metric(scraped, "coachkit_outbox_pending") == 0;
        });

        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
                "process_cpu_usage ", "process_uptime_seconds ",
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/auth/register\"}",
                "hikaricp_connections_active{", "hikaricp_connections_pending{", "coachkit_sql_statements_total");
        assertThat(metric(metrics, "coachkit_outbox_pending")).isZero();
        assertThat(metric(metrics, "coachkit_outbox_dead")).isZero();
        assertThat(metric(metrics, "coachkit_outbox_oldest_pending_seconds")).isZero();
        assertThat(metric(metrics, "coachkit_outbox_relayed_total{outcome=\"retried\"}")).isZero();
        assertThat(metric(metrics, "coachkit_outbox_relayed_total{outcome=\"dead\"}")).isZero();
        if (transport().containsKey("COACHKIT_SQS_QUEUE")) {
            assertThat(metric(metrics, "coachkit_queue_messages")).isNotNegative();
            assertThat(metric(metrics, "coachkit_queue_in_flight")).isNotNegative();
            assertThat(metric(metrics, "coachkit_queue_dead_letters")).isZero();
        } else {
            assertThat(metrics).as("no queue, no queue series").doesNotContain("coachkit_queue_");
        }
        assertThat(metrics.lines().filter(line -> !line.startsWith("#")).map(line -> line.split("[{ ]")[0]))
                .as("Prometheus reads a *_created series as a creation timestamp").noneMatch(name -> name.endsWith("_created"));
    }

    @Test
    void ready_has_an_entry_for_every_configured_dependency() throws Exception {
        HttpResponse<String> ready = http.get("/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(ready.body()).path("dependencies").forEach(entry -> {
            assertThat(entry.path("status").asText()).as(entry.toString()).isEqualTo("UP");
            names.add(entry.path("name").asText());
        });
        List<String> expected = new ArrayList<>(List.of("database", "ffmpeg", "blob-store", "outbox", "redis"));
        if (transport().containsKey("COACHKIT_SQS_QUEUE")) {
            expected.add("queue");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The value of the series named exactly {@code series} (name and labels), failing when it is absent. */
    private static double metric(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in /metrics"));
    }

    @Test
    void members_list_and_read_their_own_notifications() throws Exception {
        JsonNode ann = register();
        String token = ann.path("accessToken").asText();
        UUID notification = UUID.randomUUID();
        database.executeAsOwner("insert into notifications (tenant_id, id, recipient_id, type, title, body,"
                + " subject_type, subject_id, created_at) values (?::uuid, ?, ?::uuid, 'post.created', 'New post',"
                + " 'Morning drills', 'post', ?, now())", ann.at("/tenant/id").asText(), notification,
                ann.at("/user/id").asText(), UUID.randomUUID());

        JsonNode unread = JSON.readTree(http.send("GET", "/notifications?unreadOnly=true", null, token).body());
        assertThat(unread.path("items")).singleElement()
                .satisfies(item -> assertThat(item.path("title").asText()).isEqualTo("New post"));

        assertThat(http.send("POST", "/notifications/" + notification + "/read", null, token).statusCode())
                .isEqualTo(204);
        assertThat(JSON.readTree(http.send("GET", "/notifications?unreadOnly=true", null, token).body())
                .path("items")).isEmpty();
        assertThat(JSON.readTree(http.send("GET", "/notifications", null, token).body()).at("/items/0/readAt")
                .isTextual()).isTrue();

        String stranger = register().path("accessToken").asText();
        assertThat(http.send("POST", "/notifications/" + notification + "/read", null, stranger).statusCode())
                .as("another member's notification does not exist for them").isEqualTo(404);
        assertThat(JSON.readTree(http.send("GET", "/notifications", null, stranger).body()).path("items")).isEmpty();
    }

    private JsonNode register() throws Exception {
        String email = "ann-" + UUID.randomUUID() + "@club.test";
        HttpResponse<String> registered = http.send("POST", "/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"correct horse battery\",\"firstName\":\"Ann\",\"lastName\":\"Lee\","
                + "\"organizationName\":\"Club\"}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body());
    }

    private long mailsContaining(String text) {
        return mails.list.stream().filter(event -> event.getFormattedMessage().contains(text)).count();
    }

    /** Polls until the condition holds, failing after a generous deadline (the relay also polls every second). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met before the deadline").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
