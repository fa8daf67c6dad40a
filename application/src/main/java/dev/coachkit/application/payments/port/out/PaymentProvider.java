package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where money is taken: a hosted checkout page per order, refunds, and the provider's signed callbacks.
 * Calls that fail to reach the provider throw {@code DependencyUnavailableException("payments", …)};
 * every call is idempotent on the order id, so a retry never charges or refunds twice.
 */
public interface PaymentProvider {

    /** {@code local} or {@code stripe}: the provider's name in stored event ids and in configuration. */
    String name();

    /** Opens the checkout of an order; the provider keys it on {@code orderId}, so asking twice opens one. */
    CheckoutSession openCheckout(CheckoutRequest request);

    /** Returns a paid order's money, keyed on {@code idempotencyKey}. */
    void refund(RefundRequest request);

    /**
     * Verifies a callback's signature over its raw bytes and reads what it says. A bad or missing
     * signature, or one older than the provider's tolerance, or an unreadable body throws
     * {@code InvalidInputException} on field {@code Stripe-Signature} (400);
     * a provider that sends no callbacks (local, none) throws {@code NotFoundException}: nothing listens.
     */
    PaymentNotification verify(byte[] payload, String signatureHeader);

    /** {@code connectedAccount}: the organization's own account at the provider, when it has one. */
    record CheckoutRequest(TenantId tenant, UUID orderId, String productName, Money amount, Optional<String> buyerEmail,
            Optional<String> connectedAccount, String successUrl, String cancelUrl) {
        public CheckoutRequest {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(buyerEmail, "buyerEmail");
            Objects.requireNonNull(connectedAccount, "connectedAccount");
            Objects.requireNonNull(successUrl, "successUrl");
            Objects.requireNonNull(cancelUrl, "cancelUrl");
        }
    }

    /** The page the buyer pays on, and the provider's id of the checkout (Stripe: {@code cs_…}). */
    record CheckoutSession(String checkoutUrl, String reference) {
        public CheckoutSession {
            Objects.requireNonNull(checkoutUrl, "checkoutUrl");
            Objects.requireNonNull(reference, "reference");
        }
    }

    record RefundRequest(TenantId tenant, UUID orderId, String paymentReference, Money amount,
            Optional<String> connectedAccount, String idempotencyKey) {
        public RefundRequest {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(paymentReference, "paymentReference");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(connectedAccount, "connectedAccount");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}
