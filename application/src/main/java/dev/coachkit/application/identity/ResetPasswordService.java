package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.ResetPasswordUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.BreachedPasswords;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository.TenantMembership;
import dev.coachkit.application.identity.port.out.PasswordHasher;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.PasswordPolicy;
import dev.coachkit.domain.identity.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Redeems a reset token: the new password must pass the {@link PasswordPolicy} (reported on
 * field {@code password}, as API.md has it for every flow that sets one) and is hashed before the unit of work, which then marks the
 * token used (conditionally: of two concurrent redemptions one wins), stores the hash, marks the e-mail verified,
 * revokes every session of the account, denylists their access tokens and audits
 * {@code account.password_reset_completed} in the account's most recently joined tenant. If the denylist cannot
 * take them, nothing changes and the token stays usable. The account's other tenants get their entries just after.
 */
public final class ResetPasswordService implements ResetPasswordUseCase {

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final MembershipRepository memberships;
    private final AccountTokenRepository tokens;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final BreachedPasswords breachedPasswords;
    private final RevokedSessions revoked;
    private final AuditTrail audit;
    private final Clock clock;

    ResetPasswordService(UnitOfWork unitOfWork, AccountRepository accounts, MembershipRepository memberships,
            AccountTokenRepository tokens, RefreshTokenStore refreshTokens, PasswordHasher hasher,
            BreachedPasswords breachedPasswords, RevokedSessions revoked, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.memberships = memberships;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.breachedPasswords = breachedPasswords;
        this.revoked = revoked;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void resetPassword(Command command) {
        Instant now = clock.now();
        TokenHash hash = TokenHash.of(command.token() == null ? "" : command.token());
        AccountToken redeemed = unitOfWork.withoutTenant(() -> tokens.find(AccountToken.Purpose.PASSWORD_RESET, hash))
                .orElseThrow(AccountToken::unusable).redeem(now);
        Account account = unitOfWork.withoutTenant(() -> accounts.findById(redeemed.account().orElseThrow()))
                .filter(found -> !found.isErased() && found.email().equals(redeemed.email()))
                .orElseThrow(AccountToken::unusable);
        String newHash = hasher.hash(
                PasswordPolicy.check(command.newPassword(), account.email(), breachedPasswords::contains));
        List<TenantMembership> tenants = memberships.ofAccount(account.id());
        Supplier<Integer> reset = () -> {
            if (!tokens.markUsed(redeemed)) {
                throw AccountToken.unusable();
            }
            // read again in the unit, so a change committed since the first read (a name, say) is kept
            Account current = accounts.findById(account.id()).orElseThrow(AccountToken::unusable);
            accounts.update(current.withPasswordHash(newHash).withEmailVerified());
            List<UUID> signedOut = refreshTokens.revokeAllFamilies(account.id(), now);
            signedOut.forEach(session -> revoked.revoke(session, now));
            tenants.stream().findFirst().ifPresent(tenant -> audited(tenant, account, command, signedOut.size()));
            return signedOut.size();
        };
        int signedOut = tenants.isEmpty() ? unitOfWork.withoutTenant(reset)
                : unitOfWork.inTenant(tenants.get(0).tenantId(), reset);
        tenants.stream().skip(1).forEach(tenant -> unitOfWork.runInTenant(tenant.tenantId(),
                () -> audited(tenant, account, command, signedOut)));
    }

    private void audited(TenantMembership tenant, Account account, Command command, int sessionsSignedOut) {
        audit.record(tenant.tenantId(), "account.password_reset_completed", Optional.of(account.id()), "account",
                account.id(), command.clientIp(), Map.of("sessionsSignedOut", sessionsSignedOut));
    }
}
