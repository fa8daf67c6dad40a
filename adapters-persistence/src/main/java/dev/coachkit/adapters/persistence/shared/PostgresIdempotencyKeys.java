package dev.coachkit.adapters.persistence.shared;

import static dev.coachkit.adapters.persistence.jooq.Tables.IDEMPOTENCY_KEYS;

import dev.coachkit.adapters.persistence.jooq.tables.records.IdempotencyKeysRecord;
import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Idempotency keys in {@code idempotency_keys}. The primary key (tenant, account, key) makes a claim
 * atomic: a concurrent second insert waits for the first to commit and then finds its row.
 */
public final class PostgresIdempotencyKeys implements IdempotencyStore {

    private final TenantTransactions transactions;

    public PostgresIdempotencyKeys(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean reserve(IdempotencyKey key, Reservation reservation) {
        // an expired row is taken over in the same statement: the scheduler may not have deleted it yet
        return dsl(key).insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.TENANT_ID, key.tenant().value())
                .set(IDEMPOTENCY_KEYS.ACCOUNT_ID, key.account().value())
                .set(IDEMPOTENCY_KEYS.KEY, key.value())
                .set(IDEMPOTENCY_KEYS.RESERVATION, reservation.id())
                .set(IDEMPOTENCY_KEYS.REQUEST_HASH, reservation.requestHash())
                .set(IDEMPOTENCY_KEYS.CREATED_AT, Timestamps.toColumn(reservation.reservedAt()))
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, Timestamps.toColumn(reservation.expiresAt()))
                .onConflict(IDEMPOTENCY_KEYS.TENANT_ID, IDEMPOTENCY_KEYS.ACCOUNT_ID, IDEMPOTENCY_KEYS.KEY)
                .doUpdate()
                .set(IDEMPOTENCY_KEYS.RESERVATION, reservation.id())
                .set(IDEMPOTENCY_KEYS.REQUEST_HASH, reservation.requestHash())
                .set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, (Integer) null)
                .set(IDEMPOTENCY_KEYS.RESPONSE_CONTENT_TYPE, (String) null)
                .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, (byte[]) null)
                .set(IDEMPOTENCY_KEYS.CREATED_AT, Timestamps.toColumn(reservation.reservedAt()))
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, Timestamps.toColumn(reservation.expiresAt()))
                .where(IDEMPOTENCY_KEYS.EXPIRES_AT.le(Timestamps.toColumn(reservation.reservedAt())))
                .execute() == 1;
    }

    @Override
    public Optional<StoredKey> find(IdempotencyKey key, Instant now) {
        return dsl(key).selectFrom(IDEMPOTENCY_KEYS)
                .where(is(key), IDEMPOTENCY_KEYS.EXPIRES_AT.gt(Timestamps.toColumn(now)))
                .fetchOptional()
                .map(PostgresIdempotencyKeys::toStoredKey);
    }

    @Override
    public boolean complete(IdempotencyKey key, UUID reservation, StoredResponse response, Instant expiresAt) {
        return dsl(key).update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, response.status())
                .set(IDEMPOTENCY_KEYS.RESPONSE_CONTENT_TYPE, response.contentType())
                .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, response.body())
                .set(IDEMPOTENCY_KEYS.EXPIRES_AT, Timestamps.toColumn(expiresAt))
                .where(is(key), heldBy(reservation))
                .execute() == 1;
    }

    @Override
    public boolean release(IdempotencyKey key, UUID reservation) {
        return dsl(key).deleteFrom(IDEMPOTENCY_KEYS).where(is(key), heldBy(reservation)).execute() == 1;
    }

    private DSLContext dsl(IdempotencyKey key) {
        return transactions.require(key.tenant());
    }

    private static Condition is(IdempotencyKey key) {
        return DSL.and(IDEMPOTENCY_KEYS.TENANT_ID.eq(key.tenant().value()),
                IDEMPOTENCY_KEYS.ACCOUNT_ID.eq(key.account().value()), IDEMPOTENCY_KEYS.KEY.eq(key.value()));
    }

    /** Still claimed by {@code reservation} and without a response: the only state a holder may change. */
    private static Condition heldBy(UUID reservation) {
        return DSL.and(IDEMPOTENCY_KEYS.RESERVATION.eq(reservation), IDEMPOTENCY_KEYS.RESPONSE_STATUS.isNull());
    }

    private static StoredKey toStoredKey(IdempotencyKeysRecord row) {
        Optional<StoredResponse> response = Optional.ofNullable(row.getResponseStatus())
                .map(status -> new StoredResponse(status, row.getResponseContentType(), row.getResponseBody()));
        return new StoredKey(row.getReservation(), row.getRequestHash(), response,
                Timestamps.toInstant(row.getExpiresAt()));
    }
}
