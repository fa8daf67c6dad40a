package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.in.RefreshSessionUseCase;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AuthenticationException;
import java.util.Map;
import java.util.Optional;

/**
 * Rotates the refresh token. A token presented after it was rotated can only be a copy, so the whole
 * family is revoked, with every access token issued in it, and the event audited; the session has to
 * sign in again. The member's current role is read afresh, so role changes and removals take effect at
 * the next refresh.
 */
public final class RefreshSessionService implements RefreshSessionUseCase {

    static final String INVALID_TOKEN = "the refresh token is invalid or expired";

    private final UnitOfWork unitOfWork;
    private final RefreshTokenStore refreshTokens;
    private final AccountRepository accounts;
    private final TenantRepository tenants;
    private final MembershipRepository memberships;
    private final SessionIssuer sessions;
    private final AuditTrail audit;
    private final Clock clock;
    private final RevokedSessions revoked;

    RefreshSessionService(UnitOfWork unitOfWork, RefreshTokenStore refreshTokens, AccountRepository accounts,
            TenantRepository tenants, MembershipRepository memberships, SessionIssuer sessions, AuditTrail audit,
            Clock clock, RevokedSessions revoked) {
        this.unitOfWork = unitOfWork;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.tenants = tenants;
        this.memberships = memberships;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.revoked = revoked;
    }

    @Override
    public AuthResult refresh(Command command) {
        if (command.refreshToken() == null || command.refreshToken().isBlank()) {
            throw new AuthenticationException(INVALID_TOKEN);
        }
        TokenHash hash = TokenHash.of(command.refreshToken());
        RefreshToken token = unitOfWork.withoutTenant(() -> refreshTokens.findByHash(hash))
                .filter(found -> !found.isRevoked() && !found.isExpiredAt(clock.now()))
                .orElseThrow(() -> new AuthenticationException(INVALID_TOKEN));
        Optional<AuthResult> rotated = token.wasRotated() ? Optional.empty() : rotate(token, command);
        if (rotated.isEmpty()) {
            revokeReusedFamily(token, command);
            throw new AuthenticationException(INVALID_TOKEN);
        }
        return rotated.get();
    }

    /** Empty when a concurrent refresh rotated the token first, which counts as reuse. */
    private Optional<AuthResult> rotate(RefreshToken token, Command command) {
        return unitOfWork.inTenant(token.tenantId(), () -> {
            if (!refreshTokens.markRotated(token.id(), clock.now())) {
                return Optional.empty();
            }
            Membership membership = memberships.find(token.tenantId(), token.accountId())
                    .orElseThrow(() -> new AuthenticationException(INVALID_TOKEN));
            Account account = accounts.findById(token.accountId()).orElseThrow();
            Tenant tenant = tenants.find(token.tenantId()).orElseThrow();
            return Optional.of(sessions.continueFamily(token.familyId(), account,
                    new AuthResult.TenantRef(tenant.id(), tenant.name()), membership.role(), command.device()));
        });
    }

    /** The thief and the owner both lose the session: its refresh tokens and every access token issued in it. */
    private void revokeReusedFamily(RefreshToken token, Command command) {
        unitOfWork.runInTenant(token.tenantId(), () -> {
            refreshTokens.revokeFamily(token.familyId(), clock.now());
            audit.record(token.tenantId(), "auth.refresh_token_reused", Optional.of(token.accountId()),
                    "session", token.familyId(), command.clientIp(), Map.of());
        });
        revoked.revoke(token.familyId(), clock.now());
    }
}
