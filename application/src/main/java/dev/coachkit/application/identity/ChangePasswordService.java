package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.in.ChangePasswordUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.PasswordPolicy;
import dev.coachkit.domain.identity.RateLimitDecision;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes the caller's password. The current password is required, and guesses at it are limited per
 * account together with sign-in attempts ({@link LoginService#passwordGuessesKey}), so a stolen access
 * token cannot be used to find the password. The new one must pass the {@link PasswordPolicy}; it is hashed
 * before the unit of work, which then stores it, revokes every other session of the account and audits
 * {@code account.password_changed}. The revoked sessions' access tokens are denylisted in the unit, so if
 * the denylist cannot take them nothing changes and the caller retries. The caller's own session goes on.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    static final String WRONG_PASSWORD = "is not the account's current password";

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final BreachedPasswords breachedPasswords;
    private final RateLimiter limiter;
    private final RevokedSessions revoked;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdentitySettings settings;

    ChangePasswordService(UnitOfWork unitOfWork, AccountRepository accounts, RefreshTokenStore refreshTokens,
            PasswordHasher hasher, BreachedPasswords breachedPasswords, RateLimiter limiter, RevokedSessions revoked,
            AuditTrail audit, Clock clock, IdentitySettings settings) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.breachedPasswords = breachedPasswords;
        this.limiter = limiter;
        this.revoked = revoked;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void changePassword(Command command) {
        Caller caller = command.caller();
        Actor actor = caller.actor();
        Account account = unitOfWork.withoutTenant(() -> accounts.findById(actor.accountId()))
                .orElseThrow(() -> new AuthenticationException(AccessTokenService.INVALID_TOKEN));
        String newPassword = PasswordPolicy.check(command.newPassword(), account.email(), breachedPasswords::contains);
        limitGuessesAt(account);
        String current = command.currentPassword() == null ? "" : command.currentPassword();
        if (!hasher.matches(current, account.passwordHash())) {
            throw new InvalidInputException("currentPassword", WRONG_PASSWORD);
        }
        String newHash = hasher.hash(newPassword);
        Instant now = clock.now();
        unitOfWork.runInTenant(actor.tenantId(), () -> {
            accounts.update(account.withPasswordHash(newHash));
            List<UUID> signedOut = refreshTokens.revokeFamiliesExcept(actor.accountId(), caller.sessionId(), now);
            audit.record(actor.tenantId(), "account.password_changed", Optional.of(actor.accountId()), "account",
                    actor.accountId(), command.clientIp(), Map.of("sessionsSignedOut", signedOut.size()));
            signedOut.forEach(session -> revoked.revoke(session, now));
        });
    }

    private void limitGuessesAt(Account account) {
        RateLimitDecision decision = limiter.acquire(LoginService.passwordGuessesKey(account.email().value()),
                settings.loginAttemptsPerAccount());
        if (!decision.allowed()) {
            throw new TooManyRequestsException("too many attempts at this account's password; retry later",
                    decision.retryAfter());
        }
    }
}
