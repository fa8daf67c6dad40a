package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Admin section over HTTP on the wired server: audit trail, metrics, export and erasure. */
class AdminEndToEndTest {

    @RegisterExtension
    static final WiredServer SERVER = new WiredServer();

    private ApiClient api;
    private Session admin;
    private Session coach;

    @BeforeEach
    void organization() {
        api = SERVER.client();
        admin = api.registerAdmin();
        coach = api.join(admin, "COACH");
    }

    @Test
    void the_audit_trail_records_privileged_actions_with_actor_target_address_and_details() {
        Session athlete = api.join(admin, "ATHLETE");
        Instant before = Instant.now();
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Crew", "isPrivate", true), coach)
                .path("id").asText();
        api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", athlete.userId()), coach);

        JsonNode page = api.expect(200, "GET", "/admin/audit?action=space.member_added&actorId=" + coach.userId()
                + "&from=" + before, null, admin);

        assertThat(page.path("items")).singleElement().satisfies(entry -> {
            assertThat(entry.path("actorId").asText()).isEqualTo(coach.userId());
            assertThat(entry.path("targetType").asText()).isEqualTo("space");
            assertThat(entry.path("targetId").asText()).isEqualTo(space);
            assertThat(entry.path("ip").asText()).isEqualTo(api.clientAddress());
            assertThat(entry.at("/details/accountId").asText()).isEqualTo(athlete.userId());
        });
        assertThat(actions(api.expect(200, "GET", "/admin/audit?limit=100", null, admin)))
                .contains("space.member_added", "invitation.accepted", "member.invited", "account.registered");
    }

    @Test
    void only_admins_read_the_audit_trail_and_only_their_own_organizations() {
        api.expect(403, "GET", "/admin/audit", null, coach);
        Session otherAdmin = SERVER.client().registerAdmin();

        List<String> theirs = actions(api.expect(200, "GET", "/admin/audit?limit=100", null, otherAdmin));

        assertThat(theirs).containsExactly("account.registered");
        api.expect(400, "GET", "/admin/audit?from=yesterday", null, admin);
        api.expect(400, "GET", "/admin/audit?actorId=someone", null, admin);
        api.expect(400, "GET", "/admin/audit?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z", null, admin);
    }

    @Test
    void the_audit_trail_pages_newest_first() {
        for (int i = 0; i < 3; i++) {
            api.join(admin, "ATHLETE");
        }
        JsonNode first = api.expect(200, "GET", "/admin/audit?limit=4", null, admin);
        JsonNode second = api.expect(200, "GET", "/admin/audit?limit=4&cursor=" + first.path("nextCursor").asText(),
                null, admin);

        List<String> times = new ArrayList<>();
        first.path("items").forEach(entry -> times.add(entry.path("occurredAt").asText()));
        second.path("items").forEach(entry -> times.add(entry.path("occurredAt").asText()));
        assertThat(times).hasSize(8);
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void metrics_count_the_organizations_data_and_its_outbox() {
        Session athlete = api.join(admin, "ATHLETE");
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Crew", "isPrivate", false), coach)
                .path("id").asText();
        String kept = post(space, "Kept");
        String deleted = post(space, "Deleted");
        api.expect(201, "POST", "/posts/" + kept + "/comments", Map.of("content", "One"), coach);
        api.expect(201, "POST", "/posts/" + deleted + "/comments", Map.of("content", "Gone with its post"), coach);
        api.expect(204, "DELETE", "/posts/" + deleted, null, coach);
        api.bookNextWeek(coach, athlete);
        api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "a.png", "contentType", "image/png",
                "sizeBytes", 4096), coach);

        JsonNode metrics = api.expect(200, "GET", "/admin/metrics", null, admin);

        assertThat(metrics.path("users").asLong()).isEqualTo(3);
        assertThat(metrics.path("spaces").asLong()).isEqualTo(1);
        assertThat(metrics.path("posts").asLong()).isEqualTo(1);
        assertThat(metrics.path("comments").asLong()).isEqualTo(1);
        assertThat(metrics.path("sessions").asLong()).isEqualTo(1);
        assertThat(metrics.path("mediaBytes").asLong()).isEqualTo(4096);
        assertThat(metrics.at("/outbox/failed").asLong()).isZero();
        assertThat(metrics.at("/outbox/oldestPendingSeconds").asLong()).isNotNegative();
        api.expect(403, "GET", "/admin/metrics", null, coach);
        assertThat(api.expect(200, "GET", "/admin/metrics", null, SERVER.client().registerAdmin())
                .path("posts").asLong()).isZero();
    }

    private String post(String space, String content) {
        return api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content", content), coach)
                .path("id").asText();
    }


    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }
}
