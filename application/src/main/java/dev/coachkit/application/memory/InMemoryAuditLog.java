package dev.coachkit.application.memory;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Comparator;
import java.util.Optional;
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

    @Override
    public Page<AuditEntry> search(Filter filter, PageRequest page) {
        List<AuditEntry> fetched = entries.select(entry -> matches(entry, filter)
                        && page.after().map(cursor -> position(entry).compareTo(KeysetPosition.of(cursor)) < 0)
                                .orElse(true))
                .stream().sorted(Comparator.comparing(InMemoryAuditLog::position).reversed())
                .limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), entry -> position(entry).toCursor());
    }

    private static boolean matches(AuditEntry entry, Filter filter) {
        return filter.action().map(entry.action()::equals).orElse(true)
                && filter.actor().map(actor -> entry.actorId().equals(Optional.of(actor))).orElse(true)
                && filter.from().map(from -> !entry.occurredAt().isBefore(from)).orElse(true)
                && filter.to().map(to -> entry.occurredAt().isBefore(to)).orElse(true);
    }

    private static KeysetPosition position(AuditEntry entry) {
        return new KeysetPosition(entry.occurredAt(), entry.id());
    }

    /** The running unit's tenant's entries, oldest first; for tests and embedding hosts. */
    public List<AuditEntry> entries() {
        return entries.select(entry -> true);
    }
}
