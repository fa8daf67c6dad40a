package dev.coachkit.application.payments;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.payments.port.in.UpdatePaymentSettingsUseCase;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.Actor;
import java.util.Map;
import java.util.Optional;

/** An ADMIN changes the refund window or the connected account; audited. */
public final class UpdatePaymentSettingsService implements UpdatePaymentSettingsUseCase {

    private final UnitOfWork unitOfWork;
    private final PaymentSettingsRepository settings;
    private final AuditTrail audit;

    UpdatePaymentSettingsService(UnitOfWork unitOfWork, PaymentSettingsRepository settings, AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public PaymentSettings update(Command command) {
        Actor actor = command.actor();
        PaymentPolicy.requireAdmin(actor, "change the payment settings");
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            PaymentSettings current = settings.find(actor.tenantId());
            PaymentSettings updated = new PaymentSettings(
                    command.refundWindowHours().orElse(current.refundWindowHours()),
                    command.stripeAccountId().isPresent()
                            ? command.stripeAccountId().map(String::strip).filter(id -> !id.isEmpty())
                            : current.stripeAccountId());
            settings.save(actor.tenantId(), updated);
            audit.record(actor.tenantId(), "payments.settings.updated", Optional.of(actor.accountId()), "tenant",
                    actor.tenantId(), command.clientIp(), Map.of("refundWindowHours", updated.refundWindowHours(),
                            "stripeAccountId", updated.stripeAccountId().orElse("")));
            return updated;
        });
    }
}
