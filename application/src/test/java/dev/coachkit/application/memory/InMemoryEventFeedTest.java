package dev.coachkit.application.memory;

import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.EventFeedContract;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;

class InMemoryEventFeedTest extends EventFeedContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork);

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected EventOutbox outbox() {
        return outbox;
    }

    @Override
    protected EventFeed feed() {
        return outbox;
    }
}
