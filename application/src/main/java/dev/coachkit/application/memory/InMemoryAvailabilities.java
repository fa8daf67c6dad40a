package dev.coachkit.application.memory;

import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** Weekly availability per tenant and coach in an {@link InMemoryTable}. */
public final class InMemoryAvailabilities implements AvailabilityRepository {

    private final InMemoryTable<AccountId, WeeklyAvailability> availabilities;

    public InMemoryAvailabilities(InMemoryUnitOfWork unitOfWork) {
        this.availabilities = InMemoryTable.perTenant(unitOfWork, WeeklyAvailability::tenantId);
    }

    @Override
    public void replace(WeeklyAvailability availability) {
        availabilities.put(availability.coachId(), availability);
    }

    @Override
    public Optional<WeeklyAvailability> find(TenantId tenant, AccountId coach) {
        return availabilities.get(coach).filter(availability -> availability.tenantId().equals(tenant));
    }

    /** Forgets the coach's weekly availability in the unit's tenant. */
    void remove(AccountId coach) {
        availabilities.remove(coach);
    }

    /** Every weekly availability the running unit of work sees, for exports. */
    List<WeeklyAvailability> rows() {
        return availabilities.select(row -> true);
    }
}
