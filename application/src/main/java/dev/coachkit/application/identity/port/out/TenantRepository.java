package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Tenants, each visible only inside its own unit of work. */
public interface TenantRepository {

    void add(Tenant tenant);

    Optional<Tenant> find(TenantId id);
}
