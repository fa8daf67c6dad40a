package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.Role;

/**
 * A valid signature is not enough: neither the token, its session (logout, refresh-token reuse) nor its
 * membership (erasure) may be revoked. A revoked token is refused with the same message as a forged one.
 * The role is the one the membership holds now, not the one the token was issued with: a demoted member
 * acts with the lower role from the next request on, and a member removed from the tenant is refused.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    private final AccessTokenService accessTokens;
    private final TokenDenylist denylist;
    private final MembershipRepository memberships;

    AuthenticateService(AccessTokenService accessTokens, TokenDenylist denylist, MembershipRepository memberships) {
        this.accessTokens = accessTokens;
        this.denylist = denylist;
        this.memberships = memberships;
    }

    @Override
    public Caller authenticate(String accessToken) {
        AccessTokenClaims claims = accessTokens.verify(accessToken);
        if (denylist.isDenied(claims.tokenId(), RevokedSessions.key(claims.sessionId()),
                RevokedMemberships.key(claims.actor().tenantId(), claims.actor().accountId()))) {
            throw new AuthenticationException(AccessTokenService.INVALID_TOKEN);
        }
        Role current = memberships.roleOf(claims.tenantId(), claims.accountId())
                .orElseThrow(() -> new AuthenticationException(AccessTokenService.INVALID_TOKEN));
        return new Caller(new Actor(claims.tenantId(), claims.accountId(), current), claims.tokenId(),
                claims.sessionId(), claims.expiresAt());
    }
}
