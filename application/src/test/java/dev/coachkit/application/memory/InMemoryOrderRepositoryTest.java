package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.OrderRepositoryContract;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The OrderRepository contract against the in-memory adapters. */
class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

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

    @Override
    protected OrderRepository orders() {
        return stores.orders;
    }
}
