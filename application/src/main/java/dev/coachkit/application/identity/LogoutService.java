package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.LogoutUseCase;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ends the caller's session, all of it or nothing: revokes its refresh-token family and denylists the
 * access token and every other access token of the session until they expire. A refresh token sent
 * along must belong to that session (400 otherwise, and nothing is ended), so logout can neither end
 * other people's sessions nor leave the caller's own refresh family alive.
 */
public final class LogoutService implements LogoutUseCase {

    private final UnitOfWork unitOfWork;
    private final RefreshTokenStore refreshTokens;
    private final TokenDenylist denylist;
    private final AuditTrail audit;
    private final Clock clock;
    private final RevokedSessions revoked;

    LogoutService(UnitOfWork unitOfWork, RefreshTokenStore refreshTokens, TokenDenylist denylist, AuditTrail audit,
            Clock clock, RevokedSessions revoked) {
        this.unitOfWork = unitOfWork;
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
        this.audit = audit;
        this.clock = clock;
        this.revoked = revoked;
    }

    @Override
    public void logout(Command command) {
        Actor actor = command.caller().actor();
        UUID session = command.caller().sessionId();
        unitOfWork.runInTenant(actor.tenantId(), () -> {
            Optional.ofNullable(command.refreshToken()).filter(token -> !token.isBlank())
                    .ifPresent(token -> requireOfSession(token, session));
            refreshTokens.revokeFamily(session, clock.now());
            audit.record(actor.tenantId(), "account.logged_out", Optional.of(actor.accountId()), "account",
                    actor.accountId(), command.clientIp(), Map.of());
        });
        denylist.deny(command.caller().tokenId(), command.caller().tokenExpiresAt());
        revoked.revoke(session, clock.now());
    }

    /** The session's family is what ends: a refresh token of another session or account is a mistake to report. */
    private void requireOfSession(String refreshToken, UUID session) {
        boolean ofSession = refreshTokens.findByHash(TokenHash.of(refreshToken))
                .filter(token -> token.familyId().equals(session)).isPresent();
        if (!ofSession) {
            throw new InvalidInputException("refreshToken", "is not a refresh token of the session signing out");
        }
    }
}
