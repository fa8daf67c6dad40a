package dev.coachkit.adapters.persistence.admin;

import static dev.coachkit.adapters.persistence.jooq.Tables.DATA_EXPORTS;

import dev.coachkit.adapters.persistence.jooq.tables.records.DataExportsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.admin.ExportStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Data exports under row-level security. */
public final class PostgresDataExports implements DataExportRepository {

    private final TenantTransactions transactions;

    public PostgresDataExports(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(DataExport export) {
        DSLContext dsl = transactions.require(export.tenantId());
        DataExportsRecord row = dsl.newRecord(DATA_EXPORTS);
        fill(row, export);
        row.insert();
    }

    @Override
    public Optional<DataExport> find(TenantId tenant, UUID id) {
        return transactions.require(tenant).selectFrom(DATA_EXPORTS)
                .where(DATA_EXPORTS.TENANT_ID.eq(tenant.value()), DATA_EXPORTS.ID.eq(id))
                .fetchOptional(PostgresDataExports::toDomain);
    }

    @Override
    public void update(DataExport export) {
        DSLContext dsl = transactions.require(export.tenantId());
        DataExportsRecord row = dsl.newRecord(DATA_EXPORTS);
        fill(row, export);
        if (dsl.executeUpdate(row) != 1) {
            throw new IllegalStateException("export " + export.id() + " does not exist");
        }
    }

    private static void fill(DataExportsRecord row, DataExport export) {
        row.setTenantId(export.tenantId().value());
        row.setId(export.id());
        row.setRequestedBy(export.requestedBy().value());
        row.setSubjectId(export.subject().map(AccountId::value).orElse(null));
        row.setStatus(export.status().name());
        row.setFailureReason(export.failureReason().orElse(null));
        row.setRequestedAt(Timestamps.toColumn(export.requestedAt()));
        row.setCompletedAt(export.completedAt().map(Timestamps::toColumn).orElse(null));
    }

    private static DataExport toDomain(DataExportsRecord row) {
        return DataExport.reconstitute(row.getId(), TenantId.of(row.getTenantId()),
                AccountId.of(row.getRequestedBy()), Optional.ofNullable(row.getSubjectId()).map(AccountId::of),
                ExportStatus.valueOf(row.getStatus()), Optional.ofNullable(row.getFailureReason()),
                Timestamps.toInstant(row.getRequestedAt()),
                Optional.ofNullable(row.getCompletedAt()).map(Timestamps::toInstant));
    }
}
