package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An order will not be paid: the payment was declined or failed ({@code FAILED}), or the checkout expired ({@code EXPIRED}). */
public record OrderFailed(TenantId tenantId, UUID orderId, UUID productId, AccountId buyerId,
        Optional<AccountId> coachId, Money amount, OrderStatus status, Instant occurredAt) implements OrderEvent {

    public OrderFailed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (status != OrderStatus.FAILED && status != OrderStatus.EXPIRED) {
            throw new IllegalArgumentException("an order fails as FAILED or EXPIRED, not " + status);
        }
    }
}
