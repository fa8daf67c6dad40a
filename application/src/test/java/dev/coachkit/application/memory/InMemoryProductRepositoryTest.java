package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.payments.port.out.ProductRepositoryContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The ProductRepository contract against the in-memory adapters. */
class InMemoryProductRepositoryTest extends ProductRepositoryContract {

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
    protected ProductRepository products() {
        return stores.products;
    }
}
