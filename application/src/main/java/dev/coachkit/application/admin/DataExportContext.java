package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;

/** GDPR exports of a member's or the whole organization's data, built by a consumer into the blob store. */
public final class DataExportContext implements BoundedContext<DataExportModule> {

    @Override
    public Class<DataExportModule> moduleType() {
        return DataExportModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, MembershipRepository.class, DataExportRepository.class,
                TenantDataSource.class, BlobStore.class, AuditLog.class, IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return AdminEventTypes.exports();
    }

    @Override
    public DataExportModule assemble(Assembly a) {
        DataExportModule exports = new DataExportModule(new DataExportModule.Ports(a.port(UnitOfWork.class),
                a.events(), a.port(MembershipRepository.class), a.port(DataExportRepository.class),
                a.port(TenantDataSource.class), a.port(BlobStore.class), a.port(AuditLog.class),
                a.port(IdGenerator.class), a.port(Clock.class)), a.setting(ExportSettings.class,
                ExportSettings.defaults()));
        a.consumer(exports.builder());
        return exports;
    }
}
