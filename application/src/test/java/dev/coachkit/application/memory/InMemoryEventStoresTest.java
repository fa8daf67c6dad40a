package dev.coachkit.application.memory;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventStoresContract;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;

/** The event stores contract against the in-memory adapters; the outbox reads the system clock, as the relay does. */
class InMemoryEventStoresTest extends EventStoresContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox(unitOfWork, Clock.system());
    private final InMemoryProcessedEvents processedEvents = new InMemoryProcessedEvents(unitOfWork, new TickingClock());
    private final InMemoryNotifications notifications = new InMemoryNotifications(unitOfWork);
    private final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    private final InMemoryTenants tenants = new InMemoryTenants(unitOfWork);

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

    @Override
    protected OutboxRelayStore relayStore() {
        return outbox;
    }

    @Override
    protected OutboxSignal signal() {
        return outbox;
    }

    @Override
    protected ProcessedEvents processedEvents() {
        return processedEvents;
    }

    @Override
    protected NotificationRepository notifications() {
        return notifications;
    }

    @Override
    protected AccountRepository accounts() {
        return accounts;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }

    @Override
    protected boolean relaysRunConcurrently() {
        return false; // one relay per JVM: claims are serialized by a lock
    }
}
