package dev.coachkit.application.admin;

import dev.coachkit.application.audit.SearchAuditTrailService;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The administration use cases of an organization's ADMINs. */
public final class AdminModule {

    /** The out ports administration needs, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, AuditLog auditLog) {}

    private final SearchAuditTrailUseCase auditTrail;

    public AdminModule(Ports ports) {
        this.auditTrail = new SearchAuditTrailService(ports.unitOfWork(), ports.auditLog());
    }

    public SearchAuditTrailUseCase auditTrail() {
        return auditTrail;
    }
}
