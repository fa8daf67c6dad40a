package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.adapters.persistence.testing.TestOutbox;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWorkContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;

/**
 * The unit of work contract against PostgreSQL: a unit of work, outbox and reader sharing one
 * {@link TestOutbox}, so that the reader joins the running unit as the contract needs.
 */
class PostgresUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestOutbox.shared().unitOfWork();
    }

    @Override
    protected EventOutbox outbox() {
        return TestOutbox.shared().eventOutbox();
    }

    @Override
    protected List<EventEnvelope> recordedEvents(TenantId tenant) {
        return TestOutbox.shared().recordedEvents(tenant);
    }
}
