package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider events applied, per tenant, committed with their effect. An event id is reserved at once across
 * units and tenants (as a primary key on provider and event id does) and released if its unit rolls back.
 */
public final class InMemoryProcessedPaymentEvents implements ProcessedPaymentEvents {

    private record Applied(TenantId tenantId, String provider, String eventId, Instant at) {}

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<String, Applied> applied;
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();

    public InMemoryProcessedPaymentEvents(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.applied = InMemoryTable.perTenant(unitOfWork, Applied::tenantId);
    }

    @Override
    public boolean markApplied(TenantId tenant, String provider, String eventId, Instant at) {
        String key = provider + "/" + eventId;
        if (applied.get(key).isPresent() || !reserved.add(key)) {
            return false;
        }
        unitOfWork.current().afterRollback(() -> reserved.remove(key));
        applied.put(key, new Applied(tenant, provider, eventId, at));
        return true;
    }
}
