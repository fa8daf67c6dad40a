package dev.coachkit.application.memory;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which consumer applied which event, per tenant, committed with the consumer's effect. A claim is
 * reserved at once across units (as PostgreSQL's primary key does) and released if its unit rolls back.
 */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private record Processed(TenantId tenantId, String consumer, UUID eventId, Instant at) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<String, Processed> processed;
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public InMemoryProcessedEvents(InMemoryUnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.processed = InMemoryTable.perTenant(unitOfWork, Processed::tenantId);
        this.clock = clock;
    }

    @Override
    public boolean markProcessed(String consumer, EventEnvelope event) {
        String key = event.tenantId() + "/" + consumer + "/" + event.id();
        if (processed.get(key).isPresent() || !reserved.add(key)) {
            return false;
        }
        unitOfWork.current().afterRollback(() -> reserved.remove(key));
        processed.put(key, new Processed(event.tenantId(), consumer, event.id(), clock.now()));
        return true;
    }

    /** Forgets records older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff) {
        return processed.deleteAcrossTenants(record -> {
            boolean old = record.at().isBefore(cutoff);
            if (old) {
                reserved.remove(record.tenantId() + "/" + record.consumer() + "/" + record.eventId());
            }
            return old;
        });
    }
}
