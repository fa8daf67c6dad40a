package dev.coachkit.application.admin;

import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.Page;

/** Lists the caller's organization's audit trail for its ADMINs. */
final class SearchAuditTrailService implements SearchAuditTrailUseCase {

    private final UnitOfWork unitOfWork;
    private final CurrentAdmin admins;
    private final AuditLog auditLog;

    SearchAuditTrailService(UnitOfWork unitOfWork, CurrentAdmin admins, AuditLog auditLog) {
        this.unitOfWork = unitOfWork;
        this.admins = admins;
        this.auditLog = auditLog;
    }

    @Override
    public Page<AuditEntry> search(Query query) {
        SearchAuditTrailUseCase.Filter asked = query.filter();
        AuditLog.Filter filter = new AuditLog.Filter(asked.action(), asked.actor(), asked.from(), asked.to());
        if (filter.from().isPresent() && filter.to().isPresent() && !filter.from().get().isBefore(filter.to().get())) {
            throw new InvalidInputException("to", "must be after from");
        }
        return unitOfWork.inTenant(query.actor().tenantId(), () -> {
            admins.require(query.actor());
            return auditLog.search(filter, query.page());
        });
    }
}
