package dev.coachkit.application.memory;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.EventOutboxContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;

class InMemoryEventOutboxTest extends EventOutboxContract {

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
    protected List<EventEnvelope> recordedEvents(TenantId tenant) {
        return outbox.unpublished(tenant);
    }
}
