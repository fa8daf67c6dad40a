package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Admin section over HTTP on the wired server: audit trail, metrics, export and erasure. */
class AdminEndToEndTest {

    private static CoachKitServer server;
    private ApiClient api;
    private Session admin;
    private Session coach;

    @BeforeAll
    static void start() {
        TestDatabase database = TestDatabase.createOn(PostgresServer.shared());
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(database, Map.of(
                "COACHKIT_TRUSTED_PROXIES", "127.0.0.1/32,::1/128"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void organization() {
        api = new ApiClient(server.port());
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
        Session otherAdmin = new ApiClient(server.port()).registerAdmin();

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

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }
}
