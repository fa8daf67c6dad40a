package dev.coachkit.adapters.persistence.payments;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.CreditLedgerContract;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The credit ledger contract against PostgreSQL, as the runtime role: guarded decrements of locked lots under a CHECK constraint. */
class PostgresCreditLedgerTest extends CreditLedgerContract {

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
    protected CreditLedger creditLedger() {
        return TestPersistence.shared().creditLedger();
    }
}
