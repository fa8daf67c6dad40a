package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One checkout of a product by a buyer. What was sold is fixed at checkout ({@code amount}, {@code credits},
 * {@code coachId}, {@code validDays}), whatever later happens to the product. {@code sessionId} names the
 * held session a paid booking waits on; {@code paymentReference} is the provider's id of the payment
 * (Stripe: the PaymentIntent), known once paid; {@code buyerEmail} is erased with the person.
 */
public record Order(UUID id, TenantId tenantId, UUID productId, AccountId buyerId, Optional<String> buyerEmail,
        Money amount, int credits, Optional<AccountId> coachId, Optional<Integer> validDays, OrderStatus status,
        Optional<String> checkoutUrl, Optional<String> paymentReference, Optional<UUID> sessionId,
        Instant createdAt, Optional<Instant> paidAt, Optional<Instant> refundedAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(buyerEmail, "buyerEmail");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(validDays, "validDays");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(refundedAt, "refundedAt");
        if (credits < 1) {
            throw new IllegalArgumentException("an order sells at least one credit");
        }
        if ((status == OrderStatus.PAID || status == OrderStatus.REFUNDED) != paidAt.isPresent()) {
            throw new IllegalArgumentException("paidAt is set exactly when the order was paid");
        }
        if ((status == OrderStatus.REFUNDED) != refundedAt.isPresent()) {
            throw new IllegalArgumentException("refundedAt is set exactly when the order was refunded");
        }
    }
}
