package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An order was paid and its credits granted; {@code sessionId} is the held session it confirmed, if any. */
public record OrderPaid(TenantId tenantId, UUID orderId, UUID productId, AccountId buyerId,
        Optional<AccountId> coachId, Money amount, int credits, Optional<UUID> sessionId, Instant occurredAt)
        implements OrderEvent {

    public OrderPaid {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
