package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.Actor;

/** The tenant's payment settings, for an ADMIN. */
public interface GetPaymentSettingsUseCase {

    PaymentSettings settings(Actor actor);
}
