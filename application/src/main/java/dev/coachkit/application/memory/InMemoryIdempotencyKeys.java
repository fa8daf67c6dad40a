package dev.coachkit.application.memory;

import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyKey.Member;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Idempotency keys in a concurrent map. Changes apply at once rather than with the unit of work: a
 * claim must be visible to a concurrent duplicate immediately, as PostgreSQL's primary key makes it,
 * and every call is a unit of work of its own anyway. The unit's tenant is still required, so a key
 * of another tenant stays out of reach (and an anonymous key is reached only without a tenant).
 */
public final class InMemoryIdempotencyKeys implements IdempotencyStore {

    private record Row(UUID reservation, String requestHash, StoredResponse response, Instant expiresAt) {
        StoredKey toStoredKey() {
            return new StoredKey(reservation, requestHash, Optional.ofNullable(response), expiresAt);
        }
    }

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<IdempotencyKey, Row> rows = new ConcurrentHashMap<>();

    public InMemoryIdempotencyKeys(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public boolean reserve(IdempotencyKey key, Reservation reservation) {
        requireUnitOf(key);
        AtomicBoolean reserved = new AtomicBoolean();
        rows.compute(key, (k, row) -> {
            if (row != null && row.expiresAt().isAfter(reservation.reservedAt())) {
                return row;
            }
            reserved.set(true);
            return new Row(reservation.id(), reservation.requestHash(), null, reservation.expiresAt());
        });
        return reserved.get();
    }

    @Override
    public Optional<StoredKey> find(IdempotencyKey key, Instant now) {
        requireUnitOf(key);
        return Optional.ofNullable(rows.get(key)).filter(row -> row.expiresAt().isAfter(now)).map(Row::toStoredKey);
    }

    @Override
    public boolean complete(IdempotencyKey key, UUID reservation, StoredResponse response, Instant expiresAt) {
        requireUnitOf(key);
        AtomicBoolean completed = new AtomicBoolean();
        rows.computeIfPresent(key, (k, row) -> {
            if (!row.reservation().equals(reservation) || row.response() != null) {
                return row;
            }
            completed.set(true);
            return new Row(reservation, row.requestHash(), response, expiresAt);
        });
        return completed.get();
    }

    @Override
    public boolean release(IdempotencyKey key, UUID reservation) {
        requireUnitOf(key);
        AtomicBoolean released = new AtomicBoolean();
        rows.computeIfPresent(key, (k, row) -> {
            if (!row.reservation().equals(reservation) || row.response() != null) {
                return row;
            }
            released.set(true);
            return null;
        });
        return released.get();
    }

    /** Forgets keys that expired before {@code cutoff}; returns how many. */
    int deleteExpiredBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(row -> row.expiresAt().isBefore(cutoff));
        return before - rows.size();
    }

    /** Forgets the member's keys in {@code tenant}: their stored responses hold what they wrote. */
    void removeFor(TenantId tenant, AccountId member) {
        Member owner = new Member(tenant, member);
        rows.keySet().removeIf(key -> key.owner().equals(owner));
    }

    /** A member's key in a unit of work of its tenant; an anonymous key in one without a tenant. */
    private void requireUnitOf(IdempotencyKey key) {
        TenantId running = unitOfWork.current().tenant();
        TenantId required = key.owner() instanceof Member owner ? owner.tenant() : null;
        if (!Objects.equals(running, required)) {
            throw new IllegalStateException("a unit of work for tenant " + running
                    + " cannot touch idempotency keys of tenant " + required);
        }
    }
}
