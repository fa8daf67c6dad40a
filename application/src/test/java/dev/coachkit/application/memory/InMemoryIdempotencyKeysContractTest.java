package dev.coachkit.application.memory;

import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.IdempotencyStoreContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The idempotency-store contract against the in-memory adapter. */
class InMemoryIdempotencyKeysContractTest extends IdempotencyStoreContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryIdempotencyKeys store = new InMemoryIdempotencyKeys(unitOfWork);

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
