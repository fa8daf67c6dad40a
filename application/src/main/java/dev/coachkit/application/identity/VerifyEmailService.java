package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.VerifyEmailUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.AccountTokenRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository.TenantMembership;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.AccountToken;
import dev.coachkit.domain.identity.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redeems a verification token for the account that has the token's address now: the one that registered
 * with it, or that accepted the invitation whose e-mail carried it, or an existing account of the invitee.
 * Without such an account the token is refused and stays usable. The token's use, the account's mark and the
 * {@code account.email_verified} entry of its most recently joined tenant commit together; its other tenants
 * get their entries just after. An address verified before is not audited again.
 */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private final UnitOfWork unitOfWork;
    private final AccountRepository accounts;
    private final MembershipRepository memberships;
    private final AccountTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;

    VerifyEmailService(UnitOfWork unitOfWork, AccountRepository accounts, MembershipRepository memberships,
            AccountTokenRepository tokens, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.memberships = memberships;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void verifyEmail(Command command) {
        Instant now = clock.now();
        TokenHash hash = TokenHash.of(command.token() == null ? "" : command.token());
        AccountToken redeemed = unitOfWork.withoutTenant(
                () -> tokens.find(AccountToken.Purpose.EMAIL_VERIFICATION, hash)).orElseThrow(AccountToken::unusable)
                .redeem(now);
        Account account = unitOfWork.withoutTenant(() -> accounts.findByEmail(redeemed.email()))
                .filter(found -> !found.isErased()).orElseThrow(AccountToken::unusable);
        boolean newly = !account.emailVerified();
        List<TenantMembership> tenants = newly ? memberships.ofAccount(account.id()) : List.of();
        Runnable verify = () -> {
            if (!tokens.markUsed(redeemed)) {
                throw AccountToken.unusable();
            }
            if (newly) {
                // read again in the unit, so a change committed since the first read is kept
                accounts.findById(account.id()).ifPresent(current -> accounts.update(current.withEmailVerified()));
                tenants.stream().findFirst().ifPresent(tenant -> audited(tenant, account, command));
            }
        };
        if (tenants.isEmpty()) {
            unitOfWork.withoutTenant(() -> {
                verify.run();
                return null;
            });
        } else {
            unitOfWork.runInTenant(tenants.get(0).tenantId(), verify);
        }
        tenants.stream().skip(1).forEach(tenant -> unitOfWork.runInTenant(tenant.tenantId(),
                () -> audited(tenant, account, command)));
    }

    private void audited(TenantMembership tenant, Account account, Command command) {
        audit.record(tenant.tenantId(), "account.email_verified", Optional.of(account.id()), "account",
                account.id(), command.clientIp(), Map.of());
    }
}
