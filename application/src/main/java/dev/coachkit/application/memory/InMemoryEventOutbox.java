package dev.coachkit.application.memory;

import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Outbox kept in an {@link InMemoryTable}: recorded with the unit of work, gone with its rollback. */
public final class InMemoryEventOutbox implements EventOutbox {

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<UUID, DomainEvent> events;

    public InMemoryEventOutbox(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.events = InMemoryTable.perTenant(unitOfWork, DomainEvent::tenantId);
    }

    @Override
    public void record(DomainEvent event) {
        events.put(event.id(), event);
    }

    @Override
    public List<DomainEvent> pending(TenantId tenant, int limit) {
        return unitOfWork.inTenant(tenant, () -> events.select(event -> true).stream()
                .sorted(Comparator.comparing(DomainEvent::occurredAt))
                .limit(limit)
                .toList());
    }
}
