package dev.coachkit.application.admin.port.in;

import dev.coachkit.domain.admin.TenantMetrics;
import dev.coachkit.domain.shared.Actor;

/** ADMIN reads the organization's figures. */
public interface GetTenantMetricsUseCase {

    TenantMetrics metrics(Actor actor);
}
