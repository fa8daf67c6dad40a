package dev.coachkit.application.identity;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.AfterAnswer;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.PublicUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;

/** Accounts and their profiles, tenants, memberships, invitations and sign-in sessions. */
public final class IdentityContext implements BoundedContext<IdentityModule> {

    @Override
    public Class<IdentityModule> moduleType() {
        return IdentityModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, AccountRepository.class, TenantRepository.class, MembershipRepository.class,
                InvitationRepository.class, RefreshTokenStore.class, AuditLog.class, PasswordHasher.class,
                BreachedPasswords.class, AccessTokenService.class, TokenDenylist.class, RateLimiter.class,
                SecureTokens.class, MediaRepository.class, IdGenerator.class, Clock.class, AccountTokenRepository.class,
                Mailer.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return IdentityEventTypes.all();
    }

    @Override
    public IdentityModule assemble(Assembly a) {
        return new IdentityModule(new IdentityModule.Ports(a.port(UnitOfWork.class), a.events(),
                a.port(AccountRepository.class), a.port(TenantRepository.class), a.port(MembershipRepository.class),
                a.port(InvitationRepository.class), a.port(RefreshTokenStore.class), a.port(AuditLog.class),
                a.port(PasswordHasher.class), a.port(BreachedPasswords.class), a.port(AccessTokenService.class),
                a.port(TokenDenylist.class), a.port(RateLimiter.class), a.port(SecureTokens.class),
                a.port(MediaRepository.class), a.port(IdGenerator.class), a.port(Clock.class),
                a.setting(AfterAnswer.class, null).executor(), a.port(AccountTokenRepository.class),
                a.port(Mailer.class), a.setting(AppUrl.class,
                        new AppUrl(a.setting(PublicUrl.class, PublicUrl.defaults()).value()))),
                a.setting(IdentitySettings.class, IdentitySettings.defaults()));
    }
}
