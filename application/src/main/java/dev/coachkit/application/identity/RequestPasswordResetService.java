package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.RequestPasswordResetUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.RateLimitDecision;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.TooManyRequestsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Mails a password-reset link. Before the answer it only checks the limits (per client address, then per
 * e-mail, counted whether or not an account has it), parses the address and draws a token: nothing that
 * depends on the account's existence. The account lookup, the token's row, the
 * {@code account.password_reset_requested} audit entries (one in each tenant of the account, so each
 * organization's admins see it) and the mail happen after the answer, on the core's after-answer executor.
 * An unknown address does nothing there.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final MembershipRepository memberships;
    private final AccountTokenRepository tokens;
    private final SecureTokens secureTokens;
    private final RateLimiter limiter;
    private final Mailer mailer;
    private final AccountMails mails;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;
    private final Executor afterAnswer;

    RequestPasswordResetService(UnitOfWork unitOfWork, AccountRepository accounts, MembershipRepository memberships,
            AccountTokenRepository tokens, SecureTokens secureTokens, RateLimiter limiter, Mailer mailer,
            AccountMails mails, AuditTrail audit, IdGenerator ids, Clock clock, IdentitySettings settings,
            Executor afterAnswer) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.memberships = memberships;
        this.tokens = tokens;
        this.secureTokens = secureTokens;
        this.limiter = limiter;
        this.mailer = mailer;
        this.mails = mails;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.afterAnswer = afterAnswer;
    }

    @Override
    public void requestReset(Command command) {
        limit(command);
        EmailAddress email = EmailAddress.parse(command.email(), "email");
        String token = secureTokens.newToken();
        afterAnswer.execute(() -> mailLink(email, token, command.clientIp()));
    }

    /**
     * Many requests from one address would probe which e-mails have accounts (and flood mailboxes); many
     * for one e-mail would flood its owner. Keys hold a hash of the e-mail, never the address.
     */
    private void limit(Command command) {
        String normalized = command.email() == null ? "" : command.email().strip().toLowerCase(Locale.ROOT);
        List<RateLimitDecision> decisions = limiter.acquireInTurn(List.of(
                new RateLimiter.Charge("password-reset-ip:" + command.clientIp().orElse("unknown"),
                        settings.passwordResetsPerAddress()),
                new RateLimiter.Charge("password-reset-email:" + TokenHash.of(normalized).hex(),
                        settings.passwordResetsPerEmail())));
        decisions.stream().filter(decision -> !decision.allowed()).findFirst().ifPresent(refused -> {
            throw new TooManyRequestsException("too many password reset requests; retry later",
                    refused.retryAfter());
        });
    }

    private void mailLink(EmailAddress email, String token, Optional<String> clientIp) {
        Optional<Account> found = unitOfWork.withoutTenant(() -> accounts.findByEmail(email))
                .filter(account -> !account.isErased());
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get();
        AccountToken reset = AccountToken.passwordReset(ids.newId(), account, TokenHash.of(token), clock.now(),
                settings.passwordResetValidity());
        unitOfWork.withoutTenant(() -> {
            tokens.add(reset);
            return null;
        });
        memberships.ofAccount(account.id()).forEach(tenant -> unitOfWork.runInTenant(tenant.tenantId(),
                () -> audit.record(tenant.tenantId(), "account.password_reset_requested", Optional.empty(), "account",
                        account.id(), clientIp, Map.of())));
        mailer.send(mails.passwordReset(account.email(), token, reset.expiresAt()));
    }
}
