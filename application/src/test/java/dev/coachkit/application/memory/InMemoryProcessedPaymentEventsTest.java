package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEventsContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The ProcessedPaymentEvents contract against the in-memory adapters. */
class InMemoryProcessedPaymentEventsTest extends ProcessedPaymentEventsContract {

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
    protected ProcessedPaymentEvents processedPaymentEvents() {
        return stores.processedEvents;
    }
}
