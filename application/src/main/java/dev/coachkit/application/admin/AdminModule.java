package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.GetTenantMetricsUseCase;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.audit.SearchAuditTrailService;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The administration use cases of an organization's ADMINs. */
public final class AdminModule {

    /** The out ports administration needs, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, AuditLog auditLog, TenantMetricsQuery metrics, Clock clock) {}

    private final SearchAuditTrailUseCase auditTrail;
    private final GetTenantMetricsUseCase metrics;

    public AdminModule(Ports ports) {
        this.auditTrail = new SearchAuditTrailService(ports.unitOfWork(), ports.auditLog());
        this.metrics = new GetTenantMetricsService(ports.unitOfWork(), ports.metrics(), ports.clock());
    }

    public SearchAuditTrailUseCase auditTrail() {
        return auditTrail;
    }

    public GetTenantMetricsUseCase metrics() {
        return metrics;
    }
}
