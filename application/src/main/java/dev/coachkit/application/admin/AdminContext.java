package dev.coachkit.application.admin;

import dev.coachkit.application.admin.port.out.MemberDataEraser;
import dev.coachkit.application.admin.port.out.TenantMetricsQuery;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.identity.IdentitySettings;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.scheduling.SchedulingModule;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.admin.ContentErasure;
import java.util.List;

/** What an organization's ADMINs do: the audit trail, metrics and erasure; erasing cancels through scheduling. */
public final class AdminContext implements BoundedContext<AdminModule> {

    @Override
    public Class<AdminModule> moduleType() {
        return AdminModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, AuditLog.class, TenantMetricsQuery.class, MembershipRepository.class,
                AccountRepository.class, SessionRepository.class, MemberDataEraser.class, TokenDenylist.class,
                BlobStore.class, IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return AdminEventTypes.erasure();
    }

    @Override
    public AdminModule assemble(Assembly a) {
        AdminModule admin = new AdminModule(new AdminModule.Ports(a.port(UnitOfWork.class), a.events(),
                a.port(AuditLog.class), a.port(TenantMetricsQuery.class), a.port(MembershipRepository.class),
                a.port(AccountRepository.class), a.port(SessionRepository.class),
                a.module(SchedulingModule.class).cancel(), a.port(MemberDataEraser.class),
                a.port(TokenDenylist.class), a.port(BlobStore.class), a.port(IdGenerator.class), a.port(Clock.class)),
                new AdminModule.Settings(a.setting(ContentErasure.class, ContentErasure.ANONYMIZE),
                        a.setting(IdentitySettings.class, IdentitySettings.defaults()).accessTokenTtl()));
        a.consumer(admin.erasedMediaCleanup());
        return admin;
    }
}
