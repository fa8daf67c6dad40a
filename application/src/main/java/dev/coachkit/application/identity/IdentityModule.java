package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.in.AcceptInvitationUseCase;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.in.ChangeMemberRoleUseCase;
import dev.coachkit.application.identity.port.in.ChangePasswordUseCase;
import dev.coachkit.application.identity.port.in.GetCurrentUserUseCase;
import dev.coachkit.application.identity.port.in.GetTenantUseCase;
import dev.coachkit.application.identity.port.in.InviteMemberUseCase;
import dev.coachkit.application.identity.port.in.ListMembersUseCase;
import dev.coachkit.application.identity.port.in.ListSignedInDevicesUseCase;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.in.LogoutUseCase;
import dev.coachkit.application.identity.port.in.RefreshSessionUseCase;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.identity.port.in.RequestPasswordResetUseCase;
import dev.coachkit.application.identity.port.in.ResetPasswordUseCase;
import dev.coachkit.application.identity.port.in.SignOutDeviceUseCase;
import dev.coachkit.application.identity.port.in.UpdateProfileUseCase;
import dev.coachkit.application.identity.port.in.VerifyEmailUseCase;
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
import dev.coachkit.application.media.port.out.MediaReferences;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The identity use cases, assembled once from the ports they share. */
public final class IdentityModule {

    /** The out ports identity needs, as given to the {@code CoachKit} builder. */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, AccountRepository accounts,
            TenantRepository tenants, MembershipRepository memberships, InvitationRepository invitations,
            RefreshTokenStore refreshTokens, AuditLog auditLog, PasswordHasher hasher,
            BreachedPasswords breachedPasswords, AccessTokenService accessTokens, TokenDenylist denylist,
            RateLimiter rateLimiter, SecureTokens secureTokens, MediaRepository media, IdGenerator ids, Clock clock,
            Executor afterAnswer, AccountTokenRepository accountTokens, Mailer mailer, AppUrl appUrl) {}

    private final RegisterAccountUseCase register;
    private final LoginUseCase login;
    private final RefreshSessionUseCase refresh;
    private final LogoutUseCase logout;
    private final AuthenticateUseCase authenticate;
    private final GetCurrentUserUseCase currentUser;
    private final GetTenantUseCase tenant;
    private final ListMembersUseCase members;
    private final InviteMemberUseCase invite;
    private final AcceptInvitationUseCase acceptInvitation;
    private final ChangeMemberRoleUseCase changeRole;
    private final ListSignedInDevicesUseCase devices;
    private final SignOutDeviceUseCase signOutDevice;
    private final ChangePasswordUseCase changePassword;
    private final UpdateProfileUseCase updateProfile;
    private final MediaReferences mediaReferences;
    private final RequestPasswordResetUseCase requestPasswordReset;
    private final ResetPasswordUseCase resetPassword;
    private final VerifyEmailUseCase verifyEmail;

    public IdentityModule(Ports ports, IdentitySettings settings) {
        AuditTrail audit = new AuditTrail(ports.auditLog(), ports.ids(), ports.clock());
        SessionIssuer sessions = new SessionIssuer(ports.accessTokens(), ports.refreshTokens(), ports.secureTokens(),
                ports.ids(), ports.clock(), settings);
        UnitOfWork uow = ports.unitOfWork();
        AccountMails mails = new AccountMails(ports.appUrl());
        EmailVerifications verifications = new EmailVerifications(ports.accountTokens(), ports.secureTokens(),
                ports.mailer(), mails, ports.ids(), ports.clock(), settings.emailVerificationValidity(),
                ports.afterAnswer());
        this.register = new RegisterAccountService(uow, ports.accounts(), ports.tenants(), ports.memberships(),
                ports.hasher(), ports.breachedPasswords(), sessions, verifications, audit, ports.ids(), ports.clock());
        // a hash takes a cold JVM a quarter of a second, which the module need not wait for as it is built
        CompletableFuture<String> dummyHash =
                CompletableFuture.supplyAsync(() -> ports.hasher().hash(ports.secureTokens().newToken()));
        // nor for reading the bundled password list, once per JVM (later cores find it read)
        if (ports.breachedPasswords() instanceof BundledBreachedPasswords bundled) {
            CompletableFuture.runAsync(bundled::size);
        }
        this.login = new LoginService(uow, ports.accounts(), ports.memberships(), ports.hasher(), sessions, audit,
                dummyHash::join, ports.rateLimiter(), settings.loginAttemptsPerAccount(), ports.afterAnswer());
        RevokedSessions revoked = new RevokedSessions(ports.denylist(), settings.accessTokenTtl());
        this.refresh = new RefreshSessionService(uow, ports.refreshTokens(), ports.accounts(), ports.tenants(),
                ports.memberships(), sessions, audit, ports.clock(), revoked);
        this.logout = new LogoutService(uow, ports.refreshTokens(), ports.denylist(), audit, ports.clock(), revoked);
        this.authenticate = new AuthenticateService(ports.accessTokens(), ports.denylist(), ports.memberships());
        this.currentUser = new GetCurrentUserService(uow, ports.accounts(), ports.tenants(), ports.memberships());
        this.tenant = new GetTenantService(uow, ports.tenants());
        this.members = new ListMembersService(uow, ports.memberships());
        this.invite = new InviteMemberService(uow, ports.invitations(), ports.events(), ports.secureTokens(),
                verifications, audit, ports.ids(), ports.clock(), settings);
        this.acceptInvitation = new AcceptInvitationService(uow, ports.invitations(), ports.accounts(),
                ports.tenants(), ports.memberships(), ports.hasher(), ports.breachedPasswords(), sessions, audit, ports.ids(),
                ports.clock());
        this.changeRole = new ChangeMemberRoleService(uow, ports.memberships(), audit);
        this.devices = new ListSignedInDevicesService(uow, ports.refreshTokens(), ports.clock());
        this.signOutDevice = new SignOutDeviceService(uow, ports.refreshTokens(), audit, ports.clock(),
                revoked);
        this.changePassword = new ChangePasswordService(uow, ports.accounts(), ports.refreshTokens(), ports.hasher(),
                ports.breachedPasswords(), ports.rateLimiter(), revoked, audit, ports.clock(), settings);
        this.updateProfile = new UpdateProfileService(uow, ports.accounts(), ports.media());
        this.mediaReferences = ports.accounts()::clearAvatar;
        this.requestPasswordReset = new RequestPasswordResetService(uow, ports.accounts(), ports.memberships(),
                ports.accountTokens(), ports.secureTokens(), ports.rateLimiter(), ports.mailer(), mails, audit,
                ports.ids(), ports.clock(), settings, ports.afterAnswer());
        this.resetPassword = new ResetPasswordService(uow, ports.accounts(), ports.memberships(), ports.accountTokens(),
                ports.refreshTokens(), ports.hasher(), ports.breachedPasswords(), revoked, audit, ports.clock());
        this.verifyEmail = new VerifyEmailService(uow, ports.accounts(), ports.memberships(), ports.accountTokens(),
                audit, ports.clock());
    }

    public RegisterAccountUseCase register() {
        return register;
    }

    public LoginUseCase login() {
        return login;
    }

    public RefreshSessionUseCase refresh() {
        return refresh;
    }

    public LogoutUseCase logout() {
        return logout;
    }

    public AuthenticateUseCase authenticate() {
        return authenticate;
    }

    public GetCurrentUserUseCase currentUser() {
        return currentUser;
    }

    public GetTenantUseCase tenant() {
        return tenant;
    }

    public ListMembersUseCase members() {
        return members;
    }

    public InviteMemberUseCase invite() {
        return invite;
    }

    public AcceptInvitationUseCase acceptInvitation() {
        return acceptInvitation;
    }

    public ChangeMemberRoleUseCase changeRole() {
        return changeRole;
    }

    public ListSignedInDevicesUseCase devices() {
        return devices;
    }

    public SignOutDeviceUseCase signOutDevice() {
        return signOutDevice;
    }

    public ChangePasswordUseCase changePassword() {
        return changePassword;
    }

    public UpdateProfileUseCase updateProfile() {
        return updateProfile;
    }

    /** Lets profiles go of an avatar whose media is deleted; the media context calls it in the deleting unit. */
    public MediaReferences mediaReferences() {
        return mediaReferences;
    }

    public RequestPasswordResetUseCase requestPasswordReset() {
        return requestPasswordReset;
    }

    public ResetPasswordUseCase resetPassword() {
        return resetPassword;
    }

    public VerifyEmailUseCase verifyEmail() {
        return verifyEmail;
    }
}
