package dev.coachkit.adapters.persistence.payments;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentDirectoryContract;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The payment directory contract against PostgreSQL: security-definer look-ups that answer ids only. */
class PostgresPaymentDirectoryTest extends PaymentDirectoryContract {

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
    protected ProductRepository products() {
        return TestPersistence.shared().products();
    }

    @Override
    protected OrderRepository orders() {
        return TestPersistence.shared().orders();
    }

    @Override
    protected PaymentSettingsRepository paymentSettings() {
        return TestPersistence.shared().paymentSettings();
    }

    @Override
    protected PaymentDirectory paymentDirectory() {
        return TestPersistence.shared().paymentDirectory();
    }
}
