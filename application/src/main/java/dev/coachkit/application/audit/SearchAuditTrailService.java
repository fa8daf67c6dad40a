package dev.coachkit.application.audit;

import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.AdminPolicy;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Page;

/** Lists the caller's organization's audit trail for its ADMINs. */
public final class SearchAuditTrailService implements SearchAuditTrailUseCase {

    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;

    public SearchAuditTrailService(UnitOfWork unitOfWork, AuditLog auditLog) {
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
    }

    @Override
    public Page<AuditEntry> search(Query query) {
        AdminPolicy.requireAdmin(query.actor());
        AuditLog.Filter filter = query.filter();
        if (filter.from().isPresent() && filter.to().isPresent() && !filter.from().get().isBefore(filter.to().get())) {
            throw new InvalidInputException("to", "must be after from");
        }
        return unitOfWork.inTenant(query.actor().tenantId(), () -> auditLog.search(filter, query.page()));
    }
}
