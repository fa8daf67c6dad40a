package dev.coachkit.application.payments;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a booking waiting for its payment holds the coach's slot ({@code COACHKIT_PAYMENT_HOLD_MINUTES}
 * in the server); a hold not paid by then expires and frees the slot.
 */
public record PaymentHoldSettings(Duration paymentHold) {

    public static final Duration DEFAULT_PAYMENT_HOLD = Duration.ofMinutes(15);

    public PaymentHoldSettings {
        Objects.requireNonNull(paymentHold, "paymentHold");
        if (paymentHold.isNegative() || paymentHold.isZero()) {
            throw new IllegalArgumentException("the payment hold must be positive: " + paymentHold);
        }
    }

    public static PaymentHoldSettings defaults() {
        return new PaymentHoldSettings(DEFAULT_PAYMENT_HOLD);
    }
}
