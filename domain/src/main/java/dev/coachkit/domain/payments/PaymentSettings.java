package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's payment rules: how many hours before its start an athlete may still cancel a credit-paid
 * session and get the credit back, and the organization's Stripe connected account, if it has one.
 */
public record PaymentSettings(int refundWindowHours, Optional<String> stripeAccountId) {

    public static final int DEFAULT_REFUND_WINDOW_HOURS = 24;
    public static final int MAX_REFUND_WINDOW_HOURS = 24 * 30;

    public PaymentSettings {
        Objects.requireNonNull(stripeAccountId, "stripeAccountId");
        if (refundWindowHours < 0 || refundWindowHours > MAX_REFUND_WINDOW_HOURS) {
            throw new InvalidInputException("refundWindowHours", "must be between 0 and " + MAX_REFUND_WINDOW_HOURS);
        }
        if (stripeAccountId.filter(id -> !id.matches("acct_[A-Za-z0-9]{1,64}")).isPresent()) {
            throw new InvalidInputException("stripeAccountId", "must be a Stripe account id such as acct_1A2b3C");
        }
    }

    public static PaymentSettings defaults() {
        return new PaymentSettings(DEFAULT_REFUND_WINDOW_HOURS, Optional.empty());
    }
}
