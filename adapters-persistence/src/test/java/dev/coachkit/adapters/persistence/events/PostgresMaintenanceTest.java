package dev.coachkit.adapters.persistence.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduler's cleanup, as the worker role: only what has expired goes, in every tenant. */
class PostgresMaintenanceTest {

    private static final TestDatabase DATABASE = TestDatabase.shared();
    private static PostgresWorkerPersistence worker;

    private final UUID tenant = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();
    private final String expiredKey = digest();
    private final String liveKey = digest();

    @BeforeAll
    static void connect() {
        worker = PostgresWorkerPersistence.connect(DATABASE.worker(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void close() {
        worker.close();
    }

    @Test
    void expired_refresh_tokens_and_idempotency_keys_and_old_processed_events_are_deleted() {
        seedTenantAndAccount();
        UUID expiredToken = refreshToken("1 hour");
        UUID liveToken = refreshToken("-1 hour");
        idempotencyKey(expiredKey, "1 hour");
        idempotencyKey(liveKey, "-1 hour");
        anonymousIdempotencyKey(expiredKey, "1 hour");
        anonymousIdempotencyKey(liveKey, "-1 hour");
        UUID oldEvent = processedEvent("30 days");
        UUID recentEvent = processedEvent("1 hour");
        MaintenanceStore maintenance = worker.maintenance();
        Instant now = Instant.now();

        maintenance.deleteRefreshTokensExpiredBefore(now);
        maintenance.deleteIdempotencyKeysExpiredBefore(now);
        maintenance.deleteProcessedEventsOlderThan(now.minusSeconds(14 * 86_400));

        assertThat(count("refresh_tokens where id = ?", expiredToken)).isZero();
        assertThat(count("refresh_tokens where id = ?", liveToken)).isOne();
        assertThat(count("refresh_families where id = (select family_id from refresh_tokens where id = ?)",
                liveToken)).as("the live token's family").isOne();
        assertThat(count("refresh_families where account_id = ?", account)).as("only the live family is left").isOne();
        assertThat(count("idempotency_keys where tenant_id = ? and key_digest = ?", tenant, expiredKey)).isZero();
        assertThat(count("idempotency_keys where tenant_id = ? and key_digest = ?", tenant, liveKey)).isOne();
        assertThat(count("anonymous_idempotency_keys where key_digest = ?", expiredKey)).isZero();
        assertThat(count("anonymous_idempotency_keys where key_digest = ?", liveKey)).isOne();
        assertThat(count("processed_events where event_id = ?", oldEvent)).isZero();
        assertThat(count("processed_events where event_id = ?", recentEvent)).isOne();
    }

    @Test
    void a_live_family_loses_its_expired_rotated_tokens_and_an_expired_family_goes_with_its_address() {
        seedTenantAndAccount();
        UUID live = family("-1 hour");
        UUID rotatedLongAgo = refreshToken(live, "1 hour");
        UUID newest = refreshToken(live, "-1 hour");
        UUID expired = family("1 hour");
        refreshToken(expired, "1 hour");

        worker.maintenance().deleteRefreshTokensExpiredBefore(Instant.now());

        assertThat(count("refresh_tokens where id = ?", rotatedLongAgo)).isZero();
        assertThat(count("refresh_tokens where id = ?", newest)).isOne();
        assertThat(count("refresh_families where id = ?", live)).isOne();
        assertThat(count("refresh_families where id = ?", expired)).isZero();
    }

    @Test
    void expired_reset_and_verification_tokens_go_used_or_not_and_live_ones_stay() {
        UUID expiredUnused = accountToken("1 hour", false);
        UUID expiredUsed = accountToken("1 hour", true);
        UUID live = accountToken("-1 hour", false);

        assertThat(worker.maintenance().deleteAccountTokensExpiredBefore(Instant.now())).isGreaterThanOrEqualTo(2);

        assertThat(count("account_tokens where id = ?", expiredUnused)).isZero();
        assertThat(count("account_tokens where id = ?", expiredUsed)).isZero();
        assertThat(count("account_tokens where id = ?", live)).isOne();
    }

    @Test
    void published_outbox_events_are_pruned_and_pending_or_dead_ones_stay() {
        UUID published = outboxEvent("published_at = now() - interval '2 days'");
        UUID pending = outboxEvent("attempts = 0");
        UUID dead = outboxEvent("dead_at = now() - interval '2 days'");

        worker.maintenance().deletePublishedEventsBefore(Instant.now().minusSeconds(86_400));

        assertThat(count("outbox_events where id = ?", published)).isZero();
        assertThat(count("outbox_events where id = ?", pending)).isOne();
        assertThat(count("outbox_events where id = ?", dead)).isOne();
    }

    @Test
    void a_job_another_scheduler_is_running_is_skipped_not_repeated() throws Exception {
        seedTenantAndAccount();
        UUID expired = refreshToken("1 hour");
        try (Connection otherScheduler = DriverManager.getConnection(DATABASE.owner().jdbcUrl());
             PreparedStatement lock = otherScheduler.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, PostgresMaintenance.lockKey(PostgresMaintenance.REFRESH_TOKENS_JOB));
            lock.execute();

            assertThat(worker.maintenance().deleteRefreshTokensExpiredBefore(Instant.now())).isZero();
            assertThat(count("refresh_tokens where id = ?", expired)).isOne();
            // released explicitly: closing the connection frees the lock only once its backend has exited
            try (PreparedStatement unlock = otherScheduler.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, PostgresMaintenance.lockKey(PostgresMaintenance.REFRESH_TOKENS_JOB));
                unlock.execute();
            }
        }

        assertThat(worker.maintenance().deleteRefreshTokensExpiredBefore(Instant.now())).isPositive();
        assertThat(count("refresh_tokens where id = ?", expired)).isZero();
    }

    /** A verification token mailed to an invitee's address, expired {@code age} ago. */
    private UUID accountToken(String age, boolean used) {
        UUID id = UUID.randomUUID();
        DATABASE.executeAsOwner("insert into account_tokens (id, purpose, token_hash, email, issued_at, expires_at,"
                + " used_at) values (?, 'EMAIL_VERIFICATION', ?, 'invitee@maintenance.test', now() - interval '8 days',"
                + " now() - ?::interval, " + (used ? "now() - interval '2 days'" : "null") + ")",
                id, id.toString().replace("-", "") + "1".repeat(32), age);
        return id;
    }

    /** An outbox event of this test's tenant, then changed by {@code assignment}. */
    private UUID outboxEvent(String assignment) {
        UUID id = UUID.randomUUID();
        DATABASE.executeAsOwner("insert into outbox_events (tenant_id, id, type, subject_type, subject_id, payload,"
                + " occurred_at) values (?, ?, 'test.done', 'test', ?, '{}', now())", tenant, id, UUID.randomUUID());
        DATABASE.executeAsOwner("update outbox_events set " + assignment + " where id = ?", id);
        return id;
    }

    private void seedTenantAndAccount() {
        DATABASE.executeAsOwner("insert into tenants (id, name) values (?, 'Maintenance')", tenant);
        DATABASE.executeAsOwner("insert into accounts (id, email, password_hash, first_name, last_name)"
                + " values (?, ?, 'x', 'M', 'T')", account, account + "@maintenance.test");
    }

    /** A refresh token that expired {@code age} ago (negative: expires in the future), alone in its family. */
    private UUID refreshToken(String age) {
        return refreshToken(family(age), age);
    }

    /** A refresh token of {@code family} that expired {@code age} ago. */
    private UUID refreshToken(UUID family, String age) {
        UUID id = UUID.randomUUID();
        DATABASE.executeAsOwner("insert into refresh_tokens (id, family_id, account_id, session_tenant_id, token_hash,"
                + " issued_at, expires_at) values (?, ?, ?, ?, ?, now() - interval '2 days', now() - ?::interval)",
                id, family, account, tenant, id.toString().replace("-", "") + "0".repeat(32), age);
        return id;
    }

    /** A family (signed-in device) whose newest token expired {@code age} ago, with an address and user agent. */
    private UUID family(String age) {
        UUID id = UUID.randomUUID();
        DATABASE.executeAsOwner("insert into refresh_families (id, account_id, session_tenant_id, created_at,"
                + " last_used_at, expires_at, ip, user_agent) values (?, ?, ?, now() - interval '2 days',"
                + " now() - interval '1 day', now() - ?::interval, '203.0.113.9', 'Browser/1.0')",
                id, account, tenant, age);
        return id;
    }

    private void idempotencyKey(String digest, String age) {
        DATABASE.executeAsOwner("insert into idempotency_keys (tenant_id, account_id, key_digest, request_hash,"
                + " expires_at) values (?, ?, ?, 'h', now() - ?::interval)", tenant, account, digest, age);
    }

    private void anonymousIdempotencyKey(String digest, String age) {
        DATABASE.executeAsOwner("insert into anonymous_idempotency_keys (key_digest, reservation, request_hash,"
                + " created_at, expires_at) values (?, gen_random_uuid(), 'h', now(), now() - ?::interval)", digest, age);
    }

    /** A key digest of this test's own: anonymous keys share one table. */
    private static String digest() {
        return UUID.randomUUID().toString().replace("-", "").repeat(2);
    }

    private UUID processedEvent(String age) {
        UUID event = UUID.randomUUID();
        DATABASE.executeAsOwner("insert into processed_events (tenant_id, consumer, event_id, processed_at)"
                + " values (?, 'maintenance-test', ?, now() - ?::interval)", tenant, event, age);
        return event;
    }

    private long count(String fromWhere, Object... parameters) {
        return DATABASE.queryNumberAsOwner("select count(*) from " + fromWhere, parameters);
    }
}
