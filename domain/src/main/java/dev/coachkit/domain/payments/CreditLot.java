package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Credits an account received at once (a paid order, or an ADMIN adjustment), usable with the product's
 * coach (any coach of the tenant when empty) until {@code expiresAt}. Its remaining count never goes below
 * zero; every change to it is a {@link CreditEntry}.
 */
public record CreditLot(UUID id, TenantId tenantId, AccountId accountId, UUID productId,
        Optional<AccountId> coachId, Optional<UUID> orderId, int credits, Optional<Instant> expiresAt,
        Instant createdAt) {

    public CreditLot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (credits < 1) {
            throw new IllegalArgumentException("a lot holds at least one credit");
        }
    }

    /** Whether a booking with {@code coach} at {@code now} may spend from this lot. */
    public boolean usableWith(AccountId coach, Instant now) {
        return coachId.map(coach::equals).orElse(true) && expiresAt.map(now::isBefore).orElse(true);
    }
}
