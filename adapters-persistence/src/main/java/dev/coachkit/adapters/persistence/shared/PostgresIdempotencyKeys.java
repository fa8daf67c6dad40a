package dev.coachkit.adapters.persistence.shared;

import static dev.coachkit.adapters.persistence.jooq.Tables.ANONYMOUS_IDEMPOTENCY_KEYS;
import static dev.coachkit.adapters.persistence.jooq.Tables.IDEMPOTENCY_KEYS;

import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyKey.Member;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Idempotency keys: a member's in {@code idempotency_keys} under row-level security, an anonymous one
 * in the global {@code anonymous_idempotency_keys}; both tables have the same columns for the key's
 * state. The primary key makes a claim atomic: a concurrent second insert waits for the first to
 * commit and then finds its row.
 */
public final class PostgresIdempotencyKeys implements IdempotencyStore {

    /** One of the two tables, through the columns they share. */
    private record KeyTable(Table<?> table, Field<String> digest, Field<UUID> reservation, Field<String> requestHash,
            Field<Integer> status, Field<String> contentType, Field<byte[]> body, Field<OffsetDateTime> createdAt,
            Field<OffsetDateTime> expiresAt) {}

    private static final KeyTable MEMBERS = new KeyTable(IDEMPOTENCY_KEYS, IDEMPOTENCY_KEYS.KEY_DIGEST,
            IDEMPOTENCY_KEYS.RESERVATION, IDEMPOTENCY_KEYS.REQUEST_HASH, IDEMPOTENCY_KEYS.RESPONSE_STATUS,
            IDEMPOTENCY_KEYS.RESPONSE_CONTENT_TYPE, IDEMPOTENCY_KEYS.RESPONSE_BODY, IDEMPOTENCY_KEYS.CREATED_AT,
            IDEMPOTENCY_KEYS.EXPIRES_AT);
    private static final KeyTable ANONYMOUS = new KeyTable(ANONYMOUS_IDEMPOTENCY_KEYS,
            ANONYMOUS_IDEMPOTENCY_KEYS.KEY_DIGEST, ANONYMOUS_IDEMPOTENCY_KEYS.RESERVATION,
            ANONYMOUS_IDEMPOTENCY_KEYS.REQUEST_HASH, ANONYMOUS_IDEMPOTENCY_KEYS.RESPONSE_STATUS,
            ANONYMOUS_IDEMPOTENCY_KEYS.RESPONSE_CONTENT_TYPE, ANONYMOUS_IDEMPOTENCY_KEYS.RESPONSE_BODY,
            ANONYMOUS_IDEMPOTENCY_KEYS.CREATED_AT, ANONYMOUS_IDEMPOTENCY_KEYS.EXPIRES_AT);

    private final TenantTransactions transactions;

    public PostgresIdempotencyKeys(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean reserve(IdempotencyKey key, Reservation reservation) {
        KeyTable t = tableOf(key);
        OffsetDateTime reservedAt = Timestamps.toColumn(reservation.reservedAt());
        OffsetDateTime expiresAt = Timestamps.toColumn(reservation.expiresAt());
        // an expired row is taken over in the same statement: the scheduler may not have deleted it yet
        return dsl(key).insertInto(t.table())
                .set(ownerColumns(key))
                .set(t.digest(), key.digest())
                .set(t.reservation(), reservation.id())
                .set(t.requestHash(), reservation.requestHash())
                .set(t.createdAt(), reservedAt)
                .set(t.expiresAt(), expiresAt)
                .onConflict(primaryKey(key))
                .doUpdate()
                .set(t.reservation(), reservation.id())
                .set(t.requestHash(), reservation.requestHash())
                .set(t.status(), (Integer) null)
                .set(t.contentType(), (String) null)
                .set(t.body(), (byte[]) null)
                .set(t.createdAt(), reservedAt)
                .set(t.expiresAt(), expiresAt)
                .where(t.expiresAt().le(reservedAt))
                .execute() == 1;
    }

    @Override
    public Optional<StoredKey> find(IdempotencyKey key, Instant now) {
        KeyTable t = tableOf(key);
        return dsl(key).select(t.reservation(), t.requestHash(), t.status(), t.contentType(), t.body(), t.expiresAt())
                .from(t.table())
                .where(is(key), t.expiresAt().gt(Timestamps.toColumn(now)))
                .fetchOptional()
                .map(row -> new StoredKey(row.value1(), row.value2(),
                        Optional.ofNullable(row.value3()).map(status -> new StoredResponse(status, row.value4(),
                                row.value5())), Timestamps.toInstant(row.value6())));
    }

    @Override
    public boolean complete(IdempotencyKey key, UUID reservation, StoredResponse response, Instant expiresAt) {
        KeyTable t = tableOf(key);
        return dsl(key).update(t.table())
                .set(t.status(), response.status())
                .set(t.contentType(), response.contentType())
                .set(t.body(), response.body())
                .set(t.expiresAt(), Timestamps.toColumn(expiresAt))
                .where(is(key), heldBy(t, reservation))
                .execute() == 1;
    }

    @Override
    public boolean release(IdempotencyKey key, UUID reservation) {
        KeyTable t = tableOf(key);
        return dsl(key).deleteFrom(t.table()).where(is(key), heldBy(t, reservation)).execute() == 1;
    }

    private static KeyTable tableOf(IdempotencyKey key) {
        return key.owner() instanceof Member ? MEMBERS : ANONYMOUS;
    }

    /** A member's key in its tenant's transaction; an anonymous key in a transaction without a tenant. */
    private DSLContext dsl(IdempotencyKey key) {
        if (key.owner() instanceof Member member) {
            return transactions.require(member.tenant());
        }
        TenantTransactions.Bound bound = transactions.require();
        if (bound.tenant() != null) {
            throw new IllegalStateException("anonymous idempotency keys are reached without a tenant, not in tenant "
                    + bound.tenant());
        }
        return bound.dsl();
    }

    private static Map<Field<?>, Object> ownerColumns(IdempotencyKey key) {
        return key.owner() instanceof Member member
                ? Map.of(IDEMPOTENCY_KEYS.TENANT_ID, member.tenant().value(),
                        IDEMPOTENCY_KEYS.ACCOUNT_ID, member.account().value())
                : Map.of();
    }

    private static List<Field<?>> primaryKey(IdempotencyKey key) {
        return key.owner() instanceof Member
                ? List.of(IDEMPOTENCY_KEYS.TENANT_ID, IDEMPOTENCY_KEYS.ACCOUNT_ID, IDEMPOTENCY_KEYS.KEY_DIGEST)
                : List.of(ANONYMOUS_IDEMPOTENCY_KEYS.KEY_DIGEST);
    }

    private static Condition is(IdempotencyKey key) {
        if (key.owner() instanceof Member member) {
            return DSL.and(IDEMPOTENCY_KEYS.TENANT_ID.eq(member.tenant().value()),
                    IDEMPOTENCY_KEYS.ACCOUNT_ID.eq(member.account().value()),
                    IDEMPOTENCY_KEYS.KEY_DIGEST.eq(key.digest()));
        }
        return ANONYMOUS_IDEMPOTENCY_KEYS.KEY_DIGEST.eq(key.digest());
    }

    /** Still claimed by {@code reservation} and without a response: the only state a holder may change. */
    private static Condition heldBy(KeyTable t, UUID reservation) {
        return DSL.and(t.reservation().eq(reservation), t.status().isNull());
    }
}
