package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapters.crypto.passwords.Argon2PasswordHasher;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import dev.coachkit.bootstrap.bench.BenchDataSet;
import dev.coachkit.bootstrap.bench.BenchDataSet.Scale;
import dev.coachkit.bootstrap.bench.DataSet;
import dev.coachkit.bootstrap.bench.DataSet.Member;
import dev.coachkit.bootstrap.bench.DataSet.Post;
import dev.coachkit.bootstrap.bench.DataSet.Space;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API benchmark's data set at the smoke scale: the rows it promises, valid for the app, row-level
 * security over them, and the wired server signing a loaded member in and serving the loaded rows.
 * (In this package for {@link ExternalServers} and {@link ApiClient}.)
 */
class BenchDataSetTest {

    private static final Scale SCALE = Scale.smoke();

    private static TestDatabase database;
    private static DataSet data;

    @BeforeAll
    static void load() {
        database = TestDatabase.createOn(PostgresServer.shared());
        data = BenchDataSet.load(database, SCALE, new Argon2PasswordHasher().hash(ApiClient.PASSWORD));
    }

    @Test
    void loads_the_rows_the_scale_asks_for() {
        DataSet.Counts counts = data.counts();
        int tenants = SCALE.tenants();
        assertThat(counts.tenants()).isEqualTo(tenants).isEqualTo(count("SELECT count(*) FROM tenants"));
        assertThat(counts.accounts()).isEqualTo(tenants * 10L).isEqualTo(count("SELECT count(*) FROM memberships"));
        assertThat(counts.spaces()).isEqualTo(tenants * 3L);
        assertThat(counts.spaceMembers()).as("everyone in every one of the 3 spaces").isEqualTo(tenants * 10L * 3);
        assertThat(counts.posts()).isEqualTo(tenants * 200L).isEqualTo(count("SELECT count(*) FROM posts"));
        assertThat(counts.comments()).as("2 a post on average").isBetween(counts.posts() * 3 / 2, counts.posts() * 5 / 2)
                .isEqualTo(count("SELECT count(*) FROM comments"));
        assertThat(counts.availabilitySlots()).as("every day of each coach").isEqualTo(tenants * 7L);
        assertThat(counts.sessions()).isEqualTo(tenants * SCALE.sessionsPerTenant()).isEqualTo(tenants * 1L * 52 * 3)
                .isEqualTo(count("SELECT count(*) FROM sessions"));
        assertThat(counts.cancelledSessions()).isBetween(counts.sessions() / 20, counts.sessions() / 5);
        assertThat(data.loadTime()).isPositive();
    }

    @Test
    void answers_each_tenant_with_its_people_spaces_and_newest_posts() {
        assertThat(data.tenants()).hasSize(SCALE.tenants());
        for (int number = 1; number <= SCALE.tenants(); number++) {
            DataSet.Tenant tenant = data.tenants().get(number - 1);
            String domain = "@tenant-" + number + ".bench.test";
            assertThat(tenant.admin().email()).isEqualTo("admin" + domain);
            assertThat(tenant.coaches()).extracting(Member::email).containsExactly("coach-1" + domain);
            assertThat(tenant.athletes()).hasSize(8).extracting(Member::email)
                    .contains("athlete-1" + domain, "athlete-8" + domain);
            assertRole(tenant.id(), tenant.admin(), "ADMIN");
            assertRole(tenant.id(), tenant.coaches().get(0), "COACH");
            tenant.athletes().forEach(athlete -> assertRole(tenant.id(), athlete, "ATHLETE"));
            assertThat(tenant.spaces()).hasSize(3).extracting(Space::isPrivate).contains(true, false);
            for (Space space : tenant.spaces()) {
                assertThat(space.ownerId()).isEqualTo(tenant.coaches().get(0).id());
                assertThat(space.memberIds()).containsExactlyInAnyOrderElementsOf(ids(tenant.members()));
                assertThat(count("SELECT count(*) FROM space_members WHERE space_id = ? AND account_id = ?"
                        + " AND role = 'OWNER'", space.id(), space.ownerId())).isOne();
            }
            assertThat(tenant.posts()).hasSize(20).extracting(Post::spaceId).isSubsetOf(tenant.spaceIds());
            for (Post post : tenant.posts()) {
                assertThat(count("SELECT count(*) FROM posts WHERE tenant_id = ? AND id = ? AND deleted_at IS NULL",
                        tenant.id(), post.id())).isOne();
            }
        }
        assertThat(data.tenants().stream().flatMap(tenant -> tenant.members().stream()).map(Member::email)
                .distinct()).hasSize(SCALE.tenants() * SCALE.membersPerTenant());
    }

    @Test
    void keeps_authors_in_their_spaces_sessions_in_their_tenant_and_the_evening_free() {
        assertThat(count("SELECT count(*) FROM posts p WHERE NOT EXISTS (SELECT FROM space_members m"
                + " WHERE m.tenant_id = p.tenant_id AND m.space_id = p.space_id AND m.account_id = p.author_id)")).isZero();
        assertThat(count("SELECT count(*) FROM comments c JOIN posts p ON p.tenant_id = c.tenant_id AND p.id = c.post_id"
                + " WHERE NOT EXISTS (SELECT FROM space_members m WHERE m.tenant_id = p.tenant_id"
                + " AND m.space_id = p.space_id AND m.account_id = c.author_id) OR c.created_at < p.created_at"
                + " OR c.created_at > now()")).isZero();
        assertThat(count("SELECT count(*) FROM posts WHERE created_at > now() OR created_at < now() - interval '366 days'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM sessions s WHERE NOT EXISTS (SELECT FROM memberships m WHERE"
                + " m.tenant_id = s.tenant_id AND m.account_id = s.athlete_id AND m.role = 'ATHLETE') OR NOT EXISTS"
                + " (SELECT FROM memberships m WHERE m.tenant_id = s.tenant_id AND m.account_id = s.coach_id"
                + " AND m.role = 'COACH')")).isZero();
        assertThat(count("SELECT count(*) FROM sessions WHERE status = 'SCHEDULED' AND starts_at < now()")).isPositive();
        assertThat(count("SELECT count(*) FROM sessions WHERE status = 'SCHEDULED' AND starts_at > now()")).isPositive();
        assertThat(count("SELECT count(*) FROM sessions WHERE (starts_at AT TIME ZONE 'UTC')::time >= ?"
                + " OR (ends_at AT TIME ZONE 'UTC')::time > ? OR ends_at - starts_at <> interval '1 hour'",
                BenchDataSet.FREE_FROM_UTC, BenchDataSet.FREE_FROM_UTC)).isZero();
    }

    @Test
    void the_runtime_role_sees_only_its_tenants_rows() throws Exception {
        UUID tenant = data.tenants().get(0).id();
        try (Connection runtime = DriverManager.getConnection(database.runtime().jdbcUrl())) {
            assertThat(countAs(runtime, "SELECT count(*) FROM posts")).as("no tenant, no rows").isZero();
            runtime.setAutoCommit(false);
            countAs(runtime, "SELECT count(*) FROM (SELECT set_config('app.tenant_id', ?, true)) s", tenant.toString());
            assertThat(countAs(runtime, "SELECT count(*) FROM posts")).isEqualTo(SCALE.postsPerTenant());
            assertThat(countAs(runtime, "SELECT count(*) FROM posts WHERE tenant_id <> ?", tenant)).isZero();
            assertThat(countAs(runtime, "SELECT count(*) FROM sessions")).isEqualTo(SCALE.sessionsPerTenant());
            runtime.rollback();
        }
    }

    @Test
    void a_loaded_member_signs_in_and_the_api_serves_the_loaded_rows() {
        DataSet.Tenant tenant = data.tenants().get(1);
        Member coach = tenant.coaches().get(0);
        Member athlete = tenant.athletes().get(0);
        try (CoachKitServer server = ExternalServers.startBehindLoopbackProxy(database)) {
            ApiClient api = new ApiClient(server.port());
            Session coachSession = signIn(api, coach);
            assertThat(coachSession.userId()).isEqualTo(coach.id().toString());
            assertThat(coachSession.tenantId()).isEqualTo(tenant.id().toString());
            assertThat(api.expect(200, "GET", "/posts?limit=10", null, coachSession).path("items")).hasSize(10);
            assertThat(api.expect(200, "GET", "/scheduling/sessions?limit=5", null, coachSession).path("items"))
                    .hasSize(5);

            Session athleteSession = signIn(api, athlete);
            Post post = tenant.posts().stream().filter(candidate -> tenant.spaces().stream()
                    .anyMatch(space -> space.id().equals(candidate.spaceId()) && space.memberIds().contains(athlete.id())))
                    .findFirst().orElseThrow();
            api.expect(201, "POST", "/posts/" + post.id() + "/comments", Map.of("content", "Nice one"), athleteSession);
            Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(BenchDataSet.FREE_FROM_UTC.plusHours(1))
                    .toInstant(ZoneOffset.UTC);
            JsonNode booked = api.expect(201, "POST", "/scheduling/sessions/book", Map.of("coachId", coach.id(),
                    "startsAt", start.toString(), "endsAt", start.plusSeconds(3600).toString()), athleteSession);
            assertThat(booked.path("status").asText()).isEqualTo("SCHEDULED");
        }
    }

    private static Session signIn(ApiClient api, Member member) {
        return Session.from(api.expect(200, "POST", "/auth/login",
                Map.of("email", member.email(), "password", ApiClient.PASSWORD), null));
    }

    private static void assertRole(UUID tenant, Member member, String role) {
        assertThat(count("SELECT count(*) FROM memberships WHERE tenant_id = ? AND account_id = ? AND role = ?",
                tenant, member.id(), role)).as(member.email()).isOne();
    }

    private static long count(String sql, Object... parameters) {
        return database.queryNumberAsOwner(sql, parameters);
    }

    private static long countAs(Connection connection, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<UUID> ids(List<Member> members) {
        return members.stream().map(Member::id).toList();
    }
}
