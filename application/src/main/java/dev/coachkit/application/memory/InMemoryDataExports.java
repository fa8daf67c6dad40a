package dev.coachkit.application.memory;

import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Data exports per tenant in an {@link InMemoryTable}. */
public final class InMemoryDataExports implements DataExportRepository {

    private final InMemoryTable<UUID, DataExport> exports;

    public InMemoryDataExports(InMemoryUnitOfWork unitOfWork) {
        this.exports = InMemoryTable.perTenant(unitOfWork, DataExport::tenantId);
    }

    @Override
    public void add(DataExport export) {
        if (exports.get(export.id()).isPresent()) {
            throw new IllegalStateException("export " + export.id() + " exists already");
        }
        exports.put(export.id(), export);
    }

    @Override
    public Optional<DataExport> find(TenantId tenant, UUID id) {
        return exports.get(id);
    }

    @Override
    public void update(DataExport export) {
        if (exports.get(export.id()).isEmpty()) {
            throw new IllegalStateException("export " + export.id() + " does not exist");
        }
        exports.put(export.id(), export);
    }
}
