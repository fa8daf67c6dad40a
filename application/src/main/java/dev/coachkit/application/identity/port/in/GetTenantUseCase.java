package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.TenantId;

/** A tenant as its members see it; any other tenant is not found. */
public interface GetTenantUseCase {

    Tenant tenant(Query query);

    record Query(Actor actor, TenantId tenantId) {}
}
