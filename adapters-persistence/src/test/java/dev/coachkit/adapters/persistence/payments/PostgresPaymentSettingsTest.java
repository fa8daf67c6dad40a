package dev.coachkit.adapters.persistence.payments;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.PaymentSettingsContract;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The payment settings contract against PostgreSQL, as the runtime role. */
class PostgresPaymentSettingsTest extends PaymentSettingsContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected AccountRepository accounts() {
        return TestPersistence.shared().accounts();
    }

    @Override
    protected TenantRepository tenants() {
        return TestPersistence.shared().tenants();
    }

    @Override
    protected PaymentSettingsRepository paymentSettings() {
        return TestPersistence.shared().paymentSettings();
    }
}
