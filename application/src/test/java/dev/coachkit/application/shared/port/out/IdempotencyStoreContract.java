package dev.coachkit.application.shared.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.shared.port.out.IdempotencyStore.Reservation;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} adapter guarantees. Each test uses tenants and accounts of its
 * own, so adapters may share state between tests.
 */
public abstract class IdempotencyStoreContract {

    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "{\"id\":\"p-1\"}".getBytes(StandardCharsets.UTF_8));

    protected abstract UnitOfWork unitOfWork();

    protected abstract IdempotencyStore store();

    // microseconds: what PostgreSQL keeps of an instant
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final AccountId account = AccountId.of(UUID.randomUUID());

    private IdempotencyKey key(String text) {
        return IdempotencyKey.of(tenant, account, digest(text));
    }

    /** A digest of its own per test, as anonymous keys share one namespace across tests. */
    private IdempotencyKey anonymousKey() {
        return IdempotencyKey.anonymous(digest(UUID.randomUUID().toString()));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reservation reservation(String hash, Instant at) {
        return new Reservation(UUID.randomUUID(), hash, at, at.plus(Duration.ofMinutes(1)));
    }

    private <T> T in(TenantId of, Supplier<T> work) {
        return unitOfWork().inTenant(of, work);
    }

    private <T> T withoutTenant(Supplier<T> work) {
        return unitOfWork().withoutTenant(work);
    }

    @Test
    void the_first_claim_wins_and_the_key_then_shows_its_request_without_a_response() {
        IdempotencyKey key = key("order-1");
        Reservation first = reservation("hash-a", now);

        assertThat(in(tenant, () -> store().reserve(key, first))).isTrue();
        assertThat(in(tenant, () -> store().reserve(key, reservation("hash-b", now)))).isFalse();

        Optional<StoredKey> held = in(tenant, () -> store().find(key, now));
        assertThat(held).hasValueSatisfying(stored -> {
            assertThat(stored.reservation()).isEqualTo(first.id());
            assertThat(stored.requestHash()).isEqualTo("hash-a");
            assertThat(stored.response()).isEmpty();
            assertThat(stored.expiresAt()).isEqualTo(first.expiresAt());
        });
    }

    @Test
    void a_completed_key_holds_the_exact_response_until_it_expires() {
        IdempotencyKey key = key("order-2");
        Reservation claim = reservation("hash", now);
        byte[] body = new byte[] {'{', '"', (byte) 0xc3, (byte) 0xa9, '"', ':', '0', '}'}; // "é" as UTF-8
        StoredResponse response = new StoredResponse(200, "application/json;charset=utf-8", body);
        Instant expiresAt = now.plus(Duration.ofHours(24));
        in(tenant, () -> store().reserve(key, claim));

        assertThat(in(tenant, () -> store().complete(key, claim.id(), response, expiresAt))).isTrue();

        StoredKey stored = in(tenant, () -> store().find(key, now.plusSeconds(3600))).orElseThrow();
        assertThat(stored.response()).contains(response);
        assertThat(stored.response().orElseThrow().body()).isEqualTo(body);
        assertThat(stored.expiresAt()).isEqualTo(expiresAt);
        assertThat(in(tenant, () -> store().reserve(key, reservation("hash", now.plusSeconds(3600))))).isFalse();
        assertThat(in(tenant, () -> store().find(key, expiresAt))).isEmpty();
    }

    @Test
    void a_response_without_a_body_keeps_its_status() {
        IdempotencyKey key = key("logout");
        Reservation claim = reservation("hash", now);
        StoredResponse noContent = new StoredResponse(204, null, new byte[0]);
        in(tenant, () -> store().reserve(key, claim));
        in(tenant, () -> store().complete(key, claim.id(), noContent, now.plusSeconds(600)));

        assertThat(in(tenant, () -> store().find(key, now)).orElseThrow().response()).contains(noContent);
    }

    @Test
    void only_the_holding_reservation_completes_a_key_and_only_once() {
        IdempotencyKey key = key("order-3");
        Reservation claim = reservation("hash", now);
        in(tenant, () -> store().reserve(key, claim));
        StoredResponse other = new StoredResponse(200, "application/json", new byte[] {'1'});

        assertThat(in(tenant, () -> store().complete(key, UUID.randomUUID(), CREATED, now.plusSeconds(600)))).isFalse();
        assertThat(in(tenant, () -> store().complete(key, claim.id(), CREATED, now.plusSeconds(600)))).isTrue();
        assertThat(in(tenant, () -> store().complete(key, claim.id(), other, now.plusSeconds(600)))).isFalse();
        assertThat(in(tenant, () -> store().find(key, now)).orElseThrow().response()).contains(CREATED);
    }

    @Test
    void release_frees_a_running_key_for_its_holder_but_never_a_completed_one() {
        IdempotencyKey running = key("running");
        IdempotencyKey done = key("done");
        Reservation runningClaim = reservation("hash", now);
        Reservation doneClaim = reservation("hash", now);
        in(tenant, () -> store().reserve(running, runningClaim));
        in(tenant, () -> store().reserve(done, doneClaim));
        in(tenant, () -> store().complete(done, doneClaim.id(), CREATED, now.plusSeconds(600)));

        assertThat(in(tenant, () -> store().release(running, UUID.randomUUID()))).isFalse();
        assertThat(in(tenant, () -> store().release(running, runningClaim.id()))).isTrue();
        assertThat(in(tenant, () -> store().release(done, doneClaim.id()))).isFalse();

        assertThat(in(tenant, () -> store().find(running, now))).isEmpty();
        assertThat(in(tenant, () -> store().reserve(running, reservation("hash", now)))).isTrue();
        assertThat(in(tenant, () -> store().find(done, now)).orElseThrow().response()).contains(CREATED);
    }

    @Test
    void an_expired_key_is_gone_and_can_be_claimed_again_by_a_new_request() {
        IdempotencyKey key = key("order-4");
        Reservation stale = reservation("old", now);
        in(tenant, () -> store().reserve(key, stale));
        Instant later = stale.expiresAt();
        Reservation fresh = reservation("new", later);

        assertThat(in(tenant, () -> store().find(key, later))).isEmpty();
        assertThat(in(tenant, () -> store().reserve(key, fresh))).isTrue();

        assertThat(in(tenant, () -> store().find(key, later)).orElseThrow().requestHash()).isEqualTo("new");
        assertThat(in(tenant, () -> store().complete(key, stale.id(), CREATED, later.plusSeconds(600)))).isFalse();
    }

    @Test
    void the_same_text_is_another_key_for_another_account_or_tenant() {
        TenantId otherTenant = TenantId.of(UUID.randomUUID());
        IdempotencyKey mine = key("shared-text");
        IdempotencyKey otherAccount = IdempotencyKey.of(tenant, AccountId.of(UUID.randomUUID()), digest("shared-text"));
        IdempotencyKey otherTenants = IdempotencyKey.of(otherTenant, account, digest("shared-text"));
        in(tenant, () -> store().reserve(mine, reservation("mine", now)));

        assertThat(in(tenant, () -> store().find(otherAccount, now))).isEmpty();
        assertThat(in(tenant, () -> store().reserve(otherAccount, reservation("other-account", now)))).isTrue();
        assertThat(in(otherTenant, () -> store().find(otherTenants, now))).isEmpty();
        assertThat(in(otherTenant, () -> store().reserve(otherTenants, reservation("other-tenant", now)))).isTrue();

        assertThat(in(tenant, () -> store().find(mine, now)).orElseThrow().requestHash()).isEqualTo("mine");
        assertThat(in(otherTenant, () -> store().find(otherTenants, now)).orElseThrow().requestHash())
                .isEqualTo("other-tenant");
    }

    @Test
    void a_key_of_another_tenant_is_out_of_reach_of_a_unit_of_work() {
        IdempotencyKey mine = key("private");
        in(tenant, () -> store().reserve(mine, reservation("mine", now)));
        TenantId intruder = TenantId.of(UUID.randomUUID());

        assertThatThrownBy(() -> in(intruder, () -> store().find(mine, now))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> in(intruder, () -> store().release(mine, UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(in(tenant, () -> store().find(mine, now))).isPresent();
    }

    @Test
    void an_anonymous_key_lives_outside_every_tenant_and_is_claimed_completed_and_released_like_any_other() {
        IdempotencyKey completed = anonymousKey();
        IdempotencyKey released = anonymousKey();
        Reservation completedClaim = reservation("sign-up", now);
        Reservation releasedClaim = reservation("sign-in", now);

        assertThat(withoutTenant(() -> store().reserve(completed, completedClaim))).isTrue();
        assertThat(withoutTenant(() -> store().reserve(completed, reservation("other", now)))).isFalse();
        assertThat(withoutTenant(() -> store().complete(completed, completedClaim.id(), CREATED,
                now.plusSeconds(600)))).isTrue();
        assertThat(withoutTenant(() -> store().reserve(released, releasedClaim))).isTrue();
        assertThat(withoutTenant(() -> store().release(released, releasedClaim.id()))).isTrue();

        StoredKey stored = withoutTenant(() -> store().find(completed, now)).orElseThrow();
        assertThat(stored.requestHash()).isEqualTo("sign-up");
        assertThat(stored.response()).contains(CREATED);
        assertThat(withoutTenant(() -> store().find(released, now))).isEmpty();
    }

    @Test
    void an_anonymous_key_and_a_members_key_of_the_same_text_are_different_keys() {
        String text = UUID.randomUUID().toString();
        IdempotencyKey anonymous = IdempotencyKey.anonymous(digest(text));
        withoutTenant(() -> store().reserve(anonymous, reservation("anonymous", now)));

        assertThat(in(tenant, () -> store().find(key(text), now))).isEmpty();
        assertThat(in(tenant, () -> store().reserve(key(text), reservation("member", now)))).isTrue();
        assertThat(withoutTenant(() -> store().find(anonymous, now)).orElseThrow().requestHash())
                .isEqualTo("anonymous");
    }

    @Test
    void an_anonymous_key_is_out_of_reach_of_a_tenants_unit_of_work_and_a_members_key_of_a_tenantless_one() {
        IdempotencyKey anonymous = anonymousKey();
        IdempotencyKey member = key("member-only");

        assertThatThrownBy(() -> in(tenant, () -> store().reserve(anonymous, reservation("x", now))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> withoutTenant(() -> store().find(member, now)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void of_many_concurrent_claims_of_one_key_exactly_one_wins() throws Exception {
        IdempotencyKey key = key("race");
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return in(tenant, () -> store().reserve(key, reservation("hash", now)));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
