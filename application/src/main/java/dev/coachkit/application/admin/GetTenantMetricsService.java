package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.GetTenantMetricsUseCase;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.TenantMetrics;
import dev.coachkit.domain.shared.Actor;

/** Measures the caller's organization for its ADMINs. */
final class GetTenantMetricsService implements GetTenantMetricsUseCase {

    private final UnitOfWork unitOfWork;
    private final CurrentAdmin admins;
    private final TenantMetricsQuery query;
    private final Clock clock;

    GetTenantMetricsService(UnitOfWork unitOfWork, CurrentAdmin admins, TenantMetricsQuery query, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.admins = admins;
        this.query = query;
        this.clock = clock;
    }

    @Override
    public TenantMetrics metrics(Actor actor) {
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            admins.require(actor);
            return query.measure(clock.now());
        });
    }
}
