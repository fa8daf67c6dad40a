package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * An ADMIN changes the refund window or the Stripe connected account; empty fields stay, an empty
 * {@code stripeAccountId} string removes the account; audited.
 */
public interface UpdatePaymentSettingsUseCase {

    PaymentSettings update(Command command);

    record Command(Actor actor, Optional<Integer> refundWindowHours, Optional<String> stripeAccountId,
            Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(refundWindowHours, "refundWindowHours");
            Objects.requireNonNull(stripeAccountId, "stripeAccountId");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
