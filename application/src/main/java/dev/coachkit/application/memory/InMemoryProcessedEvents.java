package dev.coachkit.application.memory;

import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** Which consumer applied which event, per tenant, committed with the consumer's effect. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private record Processed(TenantId tenantId, String consumer, UUID eventId, Instant at) {}

    private final InMemoryTable<String, Processed> processed;
    private final Clock clock;

    public InMemoryProcessedEvents(InMemoryUnitOfWork unitOfWork, Clock clock) {
        this.processed = InMemoryTable.perTenant(unitOfWork, Processed::tenantId);
        this.clock = clock;
    }

    @Override
    public synchronized boolean markProcessed(String consumer, DomainEvent event) {
        String key = consumer + "/" + event.id();
        if (processed.get(key).isPresent()) {
            return false;
        }
        processed.put(key, new Processed(event.tenantId(), consumer, event.id(), clock.now()));
        return true;
    }

    /** Forgets records older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff) {
        return processed.deleteAcrossTenants(record -> record.at().isBefore(cutoff));
    }
}
