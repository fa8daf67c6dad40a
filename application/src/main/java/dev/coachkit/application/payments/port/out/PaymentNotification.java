package dev.coachkit.application.payments.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a verified provider callback says, in the provider's neutral terms: an order was paid, failed,
 * expired or refunded, or the event is of a type CoachKit does not act on ({@code IGNORED}). The order is
 * named by {@code orderId} (Stripe: the Checkout Session's {@code client_reference_id}) or, for a refund,
 * only by {@code paymentReference}; {@code connectedAccount} is the account the event came from.
 */
public record PaymentNotification(String provider, String eventId, Outcome outcome, Optional<UUID> orderId,
        Optional<String> paymentReference, Optional<String> connectedAccount) {

    public enum Outcome {
        PAID,
        FAILED,
        EXPIRED,
        REFUNDED,
        IGNORED
    }

    public PaymentNotification {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(connectedAccount, "connectedAccount");
    }
}
