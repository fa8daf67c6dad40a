package dev.coachkit.application.audit.port.in;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;

/** ADMIN reads the organization's audit trail, newest first, optionally filtered. */
public interface SearchAuditTrailUseCase {

    Page<AuditEntry> search(Query query);

    record Query(Actor actor, AuditLog.Filter filter, PageRequest page) {}
}
