package dev.coachkit.application.identity;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.identity.port.in.LogoutUseCase;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.Actor;
import java.util.Map;
import java.util.Optional;

/**
 * Ends the caller's session: denylists the access token and every other access token of its session
 * until they expire, and revokes the refresh-token family. A refresh token of someone else is ignored,
 * so logout cannot be used to end other people's sessions.
 */
public final class LogoutService implements LogoutUseCase {

    private final UnitOfWork unitOfWork;
    private final RefreshTokenStore refreshTokens;
    private final TokenDenylist denylist;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdentitySettings settings;

    LogoutService(UnitOfWork unitOfWork, RefreshTokenStore refreshTokens, TokenDenylist denylist, AuditTrail audit,
            Clock clock, IdentitySettings settings) {
        this.unitOfWork = unitOfWork;
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void logout(Command command) {
        Actor actor = command.caller().actor();
        denylist.deny(command.caller().tokenId(), command.caller().tokenExpiresAt());
        // every access token of the session was issued by now, so none outlives one lifetime from now
        denylist.deny(RevokedSessions.key(command.caller().sessionId()), clock.now().plus(settings.accessTokenTtl()));
        unitOfWork.runInTenant(actor.tenantId(), () -> {
            Optional.ofNullable(command.refreshToken()).filter(token -> !token.isBlank())
                    .flatMap(token -> refreshTokens.findByHash(TokenHash.of(token)))
                    .filter(token -> token.accountId().equals(actor.accountId()))
                    .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.now()));
            audit.record(actor.tenantId(), "account.logged_out", Optional.of(actor.accountId()), "account",
                    actor.accountId(), command.clientIp(), Map.of());
        });
    }
}
