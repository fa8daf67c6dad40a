package dev.coachkit.adapters.persistence.payments;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.payments.port.out.ProductRepositoryContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The product repository contract against PostgreSQL, as the runtime role. */
class PostgresProductRepositoryTest extends ProductRepositoryContract {

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
}
