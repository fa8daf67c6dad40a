package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.LoginUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository.TenantMembership;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Checks the password and opens a session. Unknown e-mail, wrong password and a tenant the account
 * does not belong to all fail alike and cost the same before the answer: one account lookup, one hash
 * verification (against a dummy hash for an unknown e-mail) and one membership lookup (of nobody for an
 * unknown e-mail). The audit entry of a failed attempt on an existing account is written after the
 * answer, so neither the answer nor its timing tells which accounts exist.
 */
public final class LoginService implements LoginUseCase {

    static final String INVALID_CREDENTIALS = "the e-mail or password is incorrect";
    /** Whose memberships an unknown e-mail looks up: no account has the nil id. */
    private static final AccountId NOBODY = AccountId.of(new UUID(0, 0));

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final MembershipRepository memberships;
    private final PasswordHasher hasher;
    private final SessionIssuer sessions;
    private final AuditTrail audit;
    private final Supplier<String> dummyHash;
    private final RateLimiter limiter;
    private final RateLimit perAccount;
    private final Executor afterAnswer;

    LoginService(UnitOfWork unitOfWork, AccountRepository accounts, MembershipRepository memberships,
            PasswordHasher hasher, SessionIssuer sessions, AuditTrail audit, Supplier<String> dummyHash,
            RateLimiter limiter, RateLimit perAccount, Executor afterAnswer) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.memberships = memberships;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.dummyHash = dummyHash;
        this.limiter = limiter;
        this.perAccount = perAccount;
        this.afterAnswer = afterAnswer;
    }

    @Override
    public AuthResult login(Command command) {
        limitAttemptsOn(command.email());
        Optional<Account> account = findAccount(command.email());
        String password = command.password() == null ? "" : command.password();
        boolean passwordMatches = hasher.matches(password, account.map(Account::passwordHash).orElseGet(dummyHash));
        List<TenantMembership> all = memberships.ofAccount(account.map(Account::id).orElse(NOBODY));
        if (account.isEmpty()) {
            throw invalidCredentials();
        }
        Optional<TenantMembership> membership = chooseTenant(all, command);
        if (!passwordMatches || membership.isEmpty()) {
            Optional<TenantMembership> target = membership.or(() -> all.stream().findFirst());
            afterAnswer.execute(() -> recordFailure(account.get(), target, command));
            throw invalidCredentials();
        }
        TenantMembership chosen = membership.get();
        Account signedIn = hasher.needsRehash(account.get().passwordHash())
                ? account.get().withPasswordHash(hasher.hash(password)) : account.get();
        return unitOfWork.inTenant(chosen.tenantId(), () -> {
            if (signedIn != account.get()) {
                accounts.update(signedIn);
            }
            audit.record(chosen.tenantId(), "account.logged_in", Optional.of(signedIn.id()), "account",
                    signedIn.id(), command.clientIp(), Map.of());
            return sessions.start(signedIn, new AuthResult.TenantRef(chosen.tenantId(), chosen.tenantName()),
                    chosen.role(), command.device());
        });
    }

    private Optional<Account> findAccount(String email) {
        try {
            EmailAddress address = EmailAddress.parse(email, "email");
            return unitOfWork.withoutTenant(() -> accounts.findByEmail(address));
        } catch (InvalidInputException notAnEmail) {
            return Optional.empty();
        }
    }

    /**
     * Guessing one account's password from many addresses is limited per e-mail, whether or not an
     * account exists (the answer must not tell). The key is a hash: e-mails are not stored in the limiter.
     */
    private void limitAttemptsOn(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        RateLimitDecision decision = limiter.acquire(passwordGuessesKey(normalized), perAccount);
        if (!decision.allowed()) {
            throw new TooManyRequestsException("too many sign-in attempts for this account; retry later",
                    decision.retryAfter());
        }
    }

    /**
     * The limiter's key for guesses at the password of the account with this (normalized) e-mail: sign-in
     * attempts and password changes share it, so each door does not add its own allowance.
     */
    static String passwordGuessesKey(String normalizedEmail) {
        return "login-email:" + TokenHash.of(normalizedEmail).hex();
    }

    /** The tenant asked for, or the most recently joined one. */
    private static Optional<TenantMembership> chooseTenant(List<TenantMembership> all, Command command) {
        return command.tenantId()
                .map(wanted -> all.stream().filter(m -> m.tenantId().equals(wanted)).findFirst())
                .orElseGet(() -> all.stream().findFirst());
    }

    /** Audited in the tenant the attempt targeted, so that tenant's admins see attacks on their members. */
    private void recordFailure(Account account, Optional<TenantMembership> target, Command command) {
        target.ifPresent(tenant -> unitOfWork.runInTenant(tenant.tenantId(), () -> audit.record(tenant.tenantId(),
                "account.login_failed", Optional.empty(), "account", account.id(), command.clientIp(), Map.of())));
    }

    private static AuthenticationException invalidCredentials() {
        return new AuthenticationException(INVALID_CREDENTIALS);
    }
}
