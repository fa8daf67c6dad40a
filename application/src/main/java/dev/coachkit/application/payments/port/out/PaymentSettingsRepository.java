package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.payments.PaymentSettings;
import dev.coachkit.domain.shared.TenantId;

/** Each tenant's payment settings; a tenant that never set any has the defaults. */
public interface PaymentSettingsRepository {

    PaymentSettings find(TenantId tenant);

    void save(TenantId tenant, PaymentSettings settings);
}
