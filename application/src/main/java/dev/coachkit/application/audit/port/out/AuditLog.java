package dev.coachkit.application.audit.port.out;

import dev.coachkit.domain.audit.AuditEntry;

/** Appends to the tenant's audit trail inside the running unit of work of that tenant. */
public interface AuditLog {

    void record(AuditEntry entry);
}
