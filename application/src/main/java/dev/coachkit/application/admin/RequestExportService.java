package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.RequestExportUseCase;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.DataExport;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Records a PENDING export, its {@code export.requested} event and the audit entry in one unit of work. */
public final class RequestExportService implements RequestExportUseCase {


    private final UnitOfWork unitOfWork;
    private final CurrentAdmin admins;
    private final MembershipRepository memberships;
    private final DataExportRepository exports;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    RequestExportService(UnitOfWork unitOfWork, CurrentAdmin admins, MembershipRepository memberships, DataExportRepository exports,
            EventRecorder events, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.admins = admins;
        this.memberships = memberships;
        this.exports = exports;
        this.events = events;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public DataExport request(Command command) {
        Actor actor = command.actor();
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            admins.require(actor);
            Optional<AccountId> subject = command.userId().map(AccountId::of);
            subject.ifPresent(member -> memberships.find(actor.tenantId(), member)
                    .orElseThrow(() -> new NotFoundException("user", member.value())));
            DataExport export = DataExport.request(ids.newId(), actor.tenantId(), actor.accountId(), subject,
                    clock.now());
            exports.add(export);
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("scope", subject.isPresent() ? "user" : "tenant");
            subject.ifPresent(member -> scope.put("userId", member.value().toString()));
            events.record(export.requested());
            audit.record(actor.tenantId(), "data.export_requested", Optional.of(actor.accountId()), "export",
                    export.id(), command.clientIp(), scope);
            return export;
        });
    }
}
