package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.GetExportUseCase;
import dev.coachkit.application.admin.port.in.RequestExportUseCase;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** GDPR exports: requesting one, following it, and the worker that builds the archives. */
public final class DataExportModule {

    /** The out ports exports need, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, MembershipRepository memberships,
            DataExportRepository exports, TenantDataSource data, BlobStore blobs, AuditLog auditLog, IdGenerator ids,
            Clock clock) {}

    private final RequestExportUseCase request;
    private final GetExportUseCase status;
    private final EventConsumer<?> builder;

    public DataExportModule(Ports ports, ExportSettings settings) {
        AuditTrail audit = new AuditTrail(ports.auditLog(), ports.ids(), ports.clock());
        CurrentAdmin admins = new CurrentAdmin(ports.unitOfWork(), ports.memberships());
        this.request = new RequestExportService(ports.unitOfWork(), admins, ports.memberships(), ports.exports(),
                ports.events(), audit, ports.ids(), ports.clock());
        this.status = new GetExportService(ports.unitOfWork(), admins, ports.exports(), ports.blobs(), ports.clock(),
                settings);
        this.builder = new ExportArchiveConsumer(ports.exports(), ports.data(), ports.blobs(), ports.clock(),
                settings);
    }

    public RequestExportUseCase request() {
        return request;
    }

    public GetExportUseCase status() {
        return status;
    }

    /** The export worker: the consumer of {@code export.requested}, registered with the event dispatcher. */
    EventConsumer<?> builder() {
        return builder;
    }
}
