package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.bootstrap.ApiClient.Session;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code DELETE /admin/users/{id}} on the wired server: the person's access ends, the other party of
 * their sessions is told, and afterwards no row of any table of the tenant — found by walking the
 * catalog, so new tables are covered without touching this test — holds their e-mail or names.
 */
class ErasureEndToEndTest {

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
    void an_erased_member_leaves_no_email_or_name_in_any_table_of_the_tenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "erasable-" + suffix + "@club.test";
        String firstName = "Quenby" + suffix;
        String lastName = "Zarathustra" + suffix;
        Session athlete = api.join(admin, "ATHLETE", email, firstName, lastName);
        String post = leaveTracesOf(athlete);
        assertThat(tablesHolding(email)).as("the scan finds the e-mail before erasure").isNotEmpty();
        assertThat(tablesHolding(firstName)).as("the scan finds the name before erasure").contains("accounts");
        assertThat(storedAnswersOf(athlete)).as("the post's answer is stored under its Idempotency-Key").isOne();

        JsonNode receipt = api.expect(202, "DELETE", "/admin/users/" + athlete.userId(), null, admin);

        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(tablesHolding(email)).isEmpty();
        assertThat(tablesHolding(firstName)).isEmpty();
        assertThat(tablesHolding(lastName)).isEmpty();
        assertThat(storedAnswersOf(athlete)).as("stored answers are bytes the text scan cannot read").isZero();
        api.expect(401, "GET", "/auth/me", null, athlete);
        api.expect(401, "POST", "/auth/login", Map.of("email", email, "password", ApiClient.PASSWORD), null);
        JsonNode kept = api.expect(200, "GET", "/posts/" + post, null, coach);
        assertThat(kept.path("authorId").asText()).isNotEqualTo(athlete.userId());
        assertThat(api.awaitNotification(coach, "session.cancelled").path("type").asText()).isEqualTo("session.cancelled");
        JsonNode audit = api.expect(200, "GET", "/admin/audit?action=user.erased", null, admin);
        assertThat(audit.path("items")).singleElement().satisfies(entry -> {
            assertThat(entry.path("targetId").asText()).isEqualTo(athlete.userId());
            assertThat(entry.at("/details/erasureId").asText()).isEqualTo(receipt.path("id").asText());
            assertThat(entry.at("/details/sessionsCancelled").asInt()).isEqualTo(1);
            assertThat(entry.at("/details/accountErased").asBoolean()).isTrue();
        });
        api.expect(404, "DELETE", "/admin/users/" + athlete.userId(), null, admin);
    }

    @Test
    void only_admins_erase_and_the_last_admin_stays() {
        api.expect(403, "DELETE", "/admin/users/" + admin.userId(), null, coach);
        api.expect(409, "DELETE", "/admin/users/" + admin.userId(), null, admin);
        api.expect(404, "DELETE", "/admin/users/" + UUID.randomUUID(), null, admin);
        Session stranger = SERVER.client().registerAdmin();
        api.expect(404, "DELETE", "/admin/users/" + stranger.userId(), null, admin);
        api.expect(200, "GET", "/auth/me", null, stranger);
    }

    @Test
    void a_person_who_belongs_to_another_organization_keeps_their_account_there() {
        Session otherAdmin = SERVER.client().registerAdmin();
        String email = ApiClient.uniqueEmail("twoclubs");
        Session inHere = api.join(admin, "ATHLETE", email, "Dual", "Member");
        JsonNode invitation = api.expect(201, "POST", "/tenants/" + otherAdmin.tenantId() + "/invite",
                Map.of("email", email, "role", "ATHLETE"), otherAdmin);
        api.expect(200, "POST", "/invitations/" + invitation.path("acceptToken").asText() + "/accept", null, inHere);

        api.expect(202, "DELETE", "/admin/users/" + inHere.userId(), null, admin);

        JsonNode there = api.expect(200, "POST", "/auth/login", Map.of("email", email, "password", ApiClient.PASSWORD),
                null);
        assertThat(there.at("/tenant/id").asText()).isEqualTo(otherAdmin.tenantId());
        assertThat(there.path("role").asText()).isEqualTo("ATHLETE");
    }

    /** Membership of a space, a post, comments, a booked session, media, notifications, a calendar token. */
    private String leaveTracesOf(Session athlete) {
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Crew", "isPrivate", true), coach)
                .path("id").asText();
        api.expect(201, "POST", "/spaces/" + space + "/members", Map.of("userId", athlete.userId()), coach);
        HttpResponse<String> created = api.send("POST", "/posts", Map.of("spaceId", space, "type", "TEXT",
                "content", "My first erg test"), athlete, Map.of("Idempotency-Key", "first-erg"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String post = ApiClient.json(created).path("id").asText();
        api.expect(201, "POST", "/posts/" + post + "/comments", Map.of("content", "Well rowed"), coach);
        api.expect(201, "POST", "/posts/" + post + "/comments", Map.of("content", "Thanks!"), athlete);
        api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content", "Session news"), coach);
        api.bookNextWeek(coach, athlete);
        api.expect(201, "POST", "/media/upload-intent", Map.of("fileName", "stroke.png", "contentType", "image/png",
                "sizeBytes", 2048), athlete);
        api.expect(200, "POST", "/auth/me/calendar-token", null, athlete);
        api.awaitNotification(athlete, "post.created");
        return post;
    }


    /** How many idempotency keys, with the answers stored under them, the member holds in this tenant. */
    private long storedAnswersOf(Session member) {
        try (Connection connection = DriverManager.getConnection(SERVER.database().owner().jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?::uuid AND account_id = ?::uuid")) {
            statement.setString(1, admin.tenantId());
            statement.setString(2, member.userId());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every table of the schema, read as the owner: rows of this tenant where a tenant_id column exists,
     * all rows otherwise (accounts are global); the names of those with a row whose text holds {@code needle}.
     */
    private List<String> tablesHolding(String needle) {
        String sql = """
                SELECT t.table_name FROM information_schema.tables t
                 WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                   AND (xpath('/row/n/text()', query_to_xml(format(
                         'SELECT count(*) AS n FROM public.%I r WHERE %s AND r::text ILIKE %L', t.table_name,
                         CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public'
                                            AND c.table_name = t.table_name AND c.column_name = 'tenant_id')
                              THEN format('r.tenant_id = %L', ?) ELSE 'true' END,
                         '%' || ? || '%'), false, true, '')))[1]::text::bigint > 0
                 ORDER BY t.table_name""";
        try (Connection connection = DriverManager.getConnection(SERVER.database().owner().jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, admin.tenantId());
            statement.setString(2, needle.toLowerCase(Locale.ROOT));
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("catalog scan failed: " + e.getMessage(), e);
        }
    }
}
