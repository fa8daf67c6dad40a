package dev.coachkit.application.admin.port.out;

import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** The data exports of a tenant and their progress. */
public interface DataExportRepository {

    void add(DataExport export);

    Optional<DataExport> find(TenantId tenant, UUID id);

    /** Stores the export's new state; fails when it does not exist. */
    void update(DataExport export);
}
