package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.in.EraseMemberUseCase;
import dev.coachkit.application.admin.port.in.GetTenantMetricsUseCase;
import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.in.SearchAuditTrailUseCase;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.ContentErasure;
import java.time.Duration;

/** The administration use cases of an organization's ADMINs: audit trail, metrics, erasure. */
public final class AdminModule {

    /** The out ports administration needs, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, AuditLog auditLog, TenantMetricsQuery metrics,
            MembershipRepository memberships, AccountRepository accounts, SessionRepository sessions,
            CancelSessionUseCase cancelSession, MemberDataEraser eraser, TokenDenylist denylist, BlobStore blobs,
            IdGenerator ids, Clock clock) {}

    /** What erasure does to a member's posts and comments, and how long access tokens live. */
    public record Settings(ContentErasure contentPolicy, Duration accessTokenTtl) {}

    private final SearchAuditTrailUseCase auditTrail;
    private final GetTenantMetricsUseCase metrics;
    private final EraseMemberUseCase eraseMember;
    private final EventConsumer<?> erasedMediaCleanup;

    public AdminModule(Ports ports, Settings settings) {
        CurrentAdmin admins = new CurrentAdmin(ports.unitOfWork(), ports.memberships());
        this.auditTrail = new SearchAuditTrailService(ports.unitOfWork(), admins, ports.auditLog());
        this.metrics = new GetTenantMetricsService(ports.unitOfWork(), admins, ports.metrics(), ports.clock());
        this.eraseMember = new EraseMemberService(ports.unitOfWork(), admins, ports.memberships(), ports.accounts(),
                new UpcomingSessionsCanceller(ports.sessions(), ports.cancelSession(), ports.clock()), ports.eraser(),
                ports.denylist(), ports.events(), new AuditTrail(ports.auditLog(), ports.ids(), ports.clock()),
                ports.ids(), ports.clock(), settings);
        this.erasedMediaCleanup = new ErasedMediaCleanup(ports.blobs());
    }

    public SearchAuditTrailUseCase auditTrail() {
        return auditTrail;
    }

    public GetTenantMetricsUseCase metrics() {
        return metrics;
    }

    public EraseMemberUseCase eraseMember() {
        return eraseMember;
    }

    /** Deletes an erased member's stored media; registered with the event dispatcher. */
    EventConsumer<?> erasedMediaCleanup() {
        return erasedMediaCleanup;
    }
}
