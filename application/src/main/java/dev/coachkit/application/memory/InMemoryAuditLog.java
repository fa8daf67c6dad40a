package dev.coachkit.application.memory;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.domain.audit.AuditEntry;
import java.util.List;
import java.util.UUID;

/** The audit trail per tenant in an {@link InMemoryTable}; entries are only ever added. */
public final class InMemoryAuditLog implements AuditLog {

    private final InMemoryTable<UUID, AuditEntry> entries;

    public InMemoryAuditLog(InMemoryUnitOfWork unitOfWork) {
        this.entries = InMemoryTable.perTenant(unitOfWork, AuditEntry::tenantId);
    }

    @Override
    public void record(AuditEntry entry) {
        entries.put(entry.id(), entry);
    }

    /** The running unit's tenant's entries, oldest first; for tests and embedding hosts. */
    public List<AuditEntry> entries() {
        return entries.select(entry -> true);
    }
}
