package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An order was refunded and {@code creditsWithdrawn} of its unused credits taken back. When
 * {@code refundAtProvider} is set the money has yet to be returned through the provider (an ADMIN refund,
 * or a payment that arrived after its hold expired): the consumer of this event does it, once, with the
 * order id as idempotency key. A refund the provider reported itself needs nothing more.
 */
public record OrderRefunded(TenantId tenantId, UUID orderId, UUID productId, AccountId buyerId,
        Optional<AccountId> coachId, Money amount, int creditsWithdrawn, Optional<String> paymentReference,
        boolean refundAtProvider, Optional<String> reason, Instant occurredAt) implements OrderEvent {

    public OrderRefunded {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
