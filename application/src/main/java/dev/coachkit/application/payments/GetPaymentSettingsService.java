package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.GetPaymentSettingsUseCase;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.Actor;

/** The tenant's payment settings, for an ADMIN. */
public final class GetPaymentSettingsService implements GetPaymentSettingsUseCase {

    private final UnitOfWork unitOfWork;
    private final PaymentSettingsRepository settings;

    GetPaymentSettingsService(UnitOfWork unitOfWork, PaymentSettingsRepository settings) {
        this.unitOfWork = unitOfWork;
        this.settings = settings;
    }

    @Override
    public PaymentSettings settings(Actor actor) {
        PaymentPolicy.requireAdmin(actor, "read the payment settings");
        return unitOfWork.inTenant(actor.tenantId(), () -> settings.find(actor.tenantId()));
    }
}
