package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AuthenticationException;

/**
 * A valid signature is not enough: neither the token, its session (logout, refresh-token reuse) nor its
 * membership (erasure) may be revoked. A revoked token is refused with the same message as a forged one.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    private final AccessTokenService accessTokens;
    private final TokenDenylist denylist;

    AuthenticateService(AccessTokenService accessTokens, TokenDenylist denylist) {
        this.accessTokens = accessTokens;
        this.denylist = denylist;
    }

    @Override
    public Caller authenticate(String accessToken) {
        AccessTokenClaims claims = accessTokens.verify(accessToken);
        if (denylist.isDenied(claims.tokenId(), RevokedSessions.key(claims.sessionId()),
                RevokedMemberships.key(claims.actor().tenantId(), claims.actor().accountId()))) {
            throw new AuthenticationException(AccessTokenService.INVALID_TOKEN);
        }
        return new Caller(claims.actor(), claims.tokenId(), claims.sessionId(), claims.expiresAt());
    }
}
