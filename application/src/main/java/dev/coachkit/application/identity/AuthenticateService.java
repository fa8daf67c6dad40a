package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AuthenticationException;

/** A valid signature is not enough: neither the token (logout) nor its membership (erasure) may be revoked. */
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
        if (denylist.isDenied(claims.tokenId(),
                RevokedMemberships.key(claims.actor().tenantId(), claims.actor().accountId()))) {
            throw new AuthenticationException("the access token is invalid or expired");
        }
        return new Caller(claims.actor(), claims.tokenId(), claims.expiresAt());
    }
}
