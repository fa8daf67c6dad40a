package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.PaymentSettingsContract;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The PaymentSettings contract against the in-memory adapters. */
class InMemoryPaymentSettingsTest extends PaymentSettingsContract {

    private final InMemoryPaymentStores stores = new InMemoryPaymentStores();

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork;
    }

    @Override
    protected AccountRepository accounts() {
        return stores.accounts;
    }

    @Override
    protected TenantRepository tenants() {
        return stores.tenants;
    }

    @Override
    protected PaymentSettingsRepository paymentSettings() {
        return stores.settings;
    }
}
