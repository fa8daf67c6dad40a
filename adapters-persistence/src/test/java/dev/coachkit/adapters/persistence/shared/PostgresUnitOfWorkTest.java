package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWorkContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

class PostgresUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected EventOutbox outbox() {
        return TestPersistence.shared().eventOutbox();
    }
}
