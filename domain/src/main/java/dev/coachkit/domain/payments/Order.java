package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
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

    /**
     * A PENDING order of an active {@code product} by {@code buyer} (inactive: a business rule refuses it),
     * fixing what is sold; {@code sessionId} is the held session it pays for, if any.
     */
    public static Order place(UUID id, Product product, AccountId buyer, Optional<String> buyerEmail,
            Optional<UUID> sessionId, Instant now) {
        if (!product.active()) {
            throw new BusinessRuleException("the pack " + product.name() + " is not on sale");
        }
        return new Order(id, product.tenantId(), product.id(), buyer, buyerEmail, product.price(), product.credits(),
                product.coachId(), product.validDays(), OrderStatus.PENDING, Optional.empty(), Optional.empty(),
                sessionId, now, Optional.empty(), Optional.empty());
    }

    /** The order with the provider's checkout page to pay on. */
    public Order withCheckoutUrl(String url) {
        return new Order(id, tenantId, productId, buyerId, buyerEmail, amount, credits, coachId, validDays, status,
                Optional.of(url), paymentReference, sessionId, createdAt, paidAt, refundedAt);
    }

    /** The order kept as a financial record of a buyer who was erased: without their e-mail address. */
    public Order withoutBuyerEmail() {
        return new Order(id, tenantId, productId, buyerId, Optional.empty(), amount, credits, coachId, validDays,
                status, checkoutUrl, paymentReference, sessionId, createdAt, paidAt, refundedAt);
    }

    /** Paid at {@code now}; the provider's {@code reference} of the payment kept when given. Empty unless PENDING. */
    public Optional<Order> pay(Optional<String> reference, Instant now) {
        return moveTo(OrderStatus.PAID).map(order -> new Order(id, tenantId, productId, buyerId, buyerEmail, amount,
                credits, coachId, validDays, OrderStatus.PAID, checkoutUrl, reference.or(() -> paymentReference),
                sessionId, createdAt, Optional.of(now), Optional.empty()));
    }

    /** Declined or failed ({@code FAILED}) or its checkout expired ({@code EXPIRED}). Empty unless PENDING. */
    public Optional<Order> fail(OrderStatus failure) {
        if (failure != OrderStatus.FAILED && failure != OrderStatus.EXPIRED) {
            throw new IllegalArgumentException("an order fails as FAILED or EXPIRED, not " + failure);
        }
        return moveTo(failure).map(order -> new Order(id, tenantId, productId, buyerId, buyerEmail, amount, credits,
                coachId, validDays, failure, checkoutUrl, paymentReference, sessionId, createdAt, paidAt, refundedAt));
    }

    /**
     * A payment that arrived for an order that had already FAILED or EXPIRED (its checkout given up for
     * lost, e.g. after a provider timeout): it grants nothing and is refunded at once, so the order ends
     * REFUNDED with the payment's {@code reference}. Empty unless FAILED or EXPIRED.
     */
    public Optional<Order> payAfterFailure(Optional<String> reference, Instant now) {
        if (status != OrderStatus.FAILED && status != OrderStatus.EXPIRED) {
            return Optional.empty();
        }
        return moveTo(OrderStatus.REFUNDED).map(order -> new Order(id, tenantId, productId, buyerId, buyerEmail,
                amount, credits, coachId, validDays, OrderStatus.REFUNDED, checkoutUrl,
                reference.or(() -> paymentReference), sessionId, createdAt, Optional.of(now), Optional.of(now)));
    }

    /** Refunded at {@code now}. Empty unless PAID. */
    public Optional<Order> refund(Instant now) {
        if (status != OrderStatus.PAID) {
            return Optional.empty();
        }
        return moveTo(OrderStatus.REFUNDED).map(order -> new Order(id, tenantId, productId, buyerId, buyerEmail,
                amount, credits, coachId, validDays, OrderStatus.REFUNDED, checkoutUrl, paymentReference, sessionId,
                createdAt, paidAt, Optional.of(now)));
    }

    private Optional<Order> moveTo(OrderStatus next) {
        return status.mayMoveTo(next) ? Optional.of(this) : Optional.empty();
    }

    /** The credits this paid order grants: one lot, usable with its coach, valid {@code validDays} from payment. */
    public CreditLot creditLot(UUID lotId) {
        Instant paid = paidAt.orElseThrow(() -> new IllegalStateException("order " + id + " is not paid"));
        return new CreditLot(lotId, tenantId, buyerId, productId, coachId, Optional.of(id), credits,
                validDays.map(days -> paid.plus(Duration.ofDays(days))), paid);
    }

    /** The event of this order's payment; {@code confirmedSession} the held session it confirmed, if any. */
    public OrderPaid paidEvent(Optional<UUID> confirmedSession) {
        return new OrderPaid(tenantId, id, productId, buyerId, coachId, amount, credits, confirmedSession,
                paidAt.orElseThrow(() -> new IllegalStateException("order " + id + " is not paid")));
    }

    /** The event of this order's failure or expiry, at {@code now}. */
    public OrderFailed failedEvent(Instant now) {
        return new OrderFailed(tenantId, id, productId, buyerId, coachId, amount, status, now);
    }

    /**
     * The event of this order's refund: {@code creditsWithdrawn} taken back, {@code refundAtProvider} when the
     * money has yet to be returned through the provider.
     */
    public OrderRefunded refundedEvent(int creditsWithdrawn, boolean refundAtProvider, Optional<String> reason) {
        return new OrderRefunded(tenantId, id, productId, buyerId, coachId, amount, creditsWithdrawn,
                paymentReference, refundAtProvider, reason,
                refundedAt.orElseThrow(() -> new IllegalStateException("order " + id + " is not refunded")));
    }
}
