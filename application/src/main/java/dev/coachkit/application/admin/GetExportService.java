package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.GetExportUseCase;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.admin.ExportStatus;
import dev.coachkit.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Optional;

/** Answers an export's status; a READY one gets a fresh presigned download URL on every call. */
public final class GetExportService implements GetExportUseCase {

    static final String ARCHIVE_TYPE = "application/zip";

    private final UnitOfWork unitOfWork;
    private final CurrentAdmin admins;
    private final DataExportRepository exports;
    private final BlobStore blobs;
    private final Clock clock;
    private final ExportSettings settings;

    GetExportService(UnitOfWork unitOfWork, CurrentAdmin admins, DataExportRepository exports, BlobStore blobs, Clock clock,
            ExportSettings settings) {
        this.unitOfWork = unitOfWork;
        this.admins = admins;
        this.exports = exports;
        this.blobs = blobs;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Result export(Query query) {
        DataExport export = unitOfWork.inTenant(query.actor().tenantId(), () -> {
            admins.require(query.actor());
            return exports.find(query.actor().tenantId(), query.exportId());
        }).orElseThrow(() -> new NotFoundException("export", query.exportId()));
        if (export.status() != ExportStatus.READY) {
            return new Result(export, Optional.empty(), Optional.empty());
        }
        Instant expiresAt = clock.now().plus(settings.urlLifetime());
        return new Result(export, Optional.of(blobs.presignGet(export.archiveKey(), ARCHIVE_TYPE,
                "coachkit-export-" + export.id() + ".zip", expiresAt)),
                Optional.of(expiresAt));
    }
}
