package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.GetTenantUseCase;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.IdentityPolicy;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.NotFoundException;

/** A tenant for its members; to anyone else it does not exist. */
public final class GetTenantService implements GetTenantUseCase {

    private final UnitOfWork unitOfWork;
    private final TenantRepository tenants;

    GetTenantService(UnitOfWork unitOfWork, TenantRepository tenants) {
        this.unitOfWork = unitOfWork;
        this.tenants = tenants;
    }

    @Override
    public Tenant tenant(Query query) {
        NotFoundException notFound = new NotFoundException("tenant", query.tenantId());
        if (!IdentityPolicy.mayView(query.actor(), query.tenantId())) {
            throw notFound;
        }
        return unitOfWork.inTenant(query.tenantId(), () -> tenants.find(query.tenantId()).orElseThrow(() -> notFound));
    }
}
