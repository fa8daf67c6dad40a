package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.IdempotencyStoreContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The idempotency-store contract against PostgreSQL, as the runtime role under row-level security. */
class PostgresIdempotencyKeysTest extends IdempotencyStoreContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected IdempotencyStore store() {
        return TestPersistence.shared().idempotencyKeys();
    }
}
