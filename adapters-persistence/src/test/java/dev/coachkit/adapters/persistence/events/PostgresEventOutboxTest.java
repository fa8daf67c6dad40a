package dev.coachkit.adapters.persistence.events;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.EventOutboxContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

class PostgresEventOutboxTest extends EventOutboxContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected EventOutbox outbox() {
        return TestPersistence.shared().eventOutbox();
    }
}
