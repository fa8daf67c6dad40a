package dev.coachkit.adapters.persistence.payments;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.OrderRepositoryContract;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The order repository contract against PostgreSQL, as the runtime role: status changes are conditional UPDATEs. */
class PostgresOrderRepositoryTest extends OrderRepositoryContract {

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
}
