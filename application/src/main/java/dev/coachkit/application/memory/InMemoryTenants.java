package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Tenants, each in its own partition of an {@link InMemoryTable}. */
public final class InMemoryTenants implements TenantRepository {

    private final InMemoryTable<TenantId, Tenant> tenants;

    public InMemoryTenants(InMemoryUnitOfWork unitOfWork) {
        this.tenants = InMemoryTable.perTenant(unitOfWork, Tenant::id);
    }

    @Override
    public void add(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return tenants.get(id);
    }

    /** Name of a committed tenant, for the one cross-tenant read of memberships. */
    String nameOf(TenantId id) {
        return tenants.selectAcrossTenants(tenant -> tenant.id().equals(id)).stream()
                .map(Tenant::name).findFirst().orElseThrow();
    }
}
