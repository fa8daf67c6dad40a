package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One append-only movement of an account's credits in one lot: positive adds, negative spends or withdraws. */
public record CreditEntry(UUID id, TenantId tenantId, AccountId accountId, UUID lotId, int delta,
        LedgerReason reason, Optional<UUID> orderId, Optional<UUID> sessionId, Instant createdAt) {

    public CreditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (delta == 0) {
            throw new IllegalArgumentException("a ledger entry moves at least one credit");
        }
    }
}
