package dev.coachkit.application.identity;

import dev.coachkit.application.identity.port.in.AuthResult;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.application.identity.port.out.RefreshTokenStore;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.ClientDevice;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.Role;
import java.time.Instant;
import java.util.UUID;

/** Issues the token pair of a session; runs inside the unit of work that authorized it. */
final class SessionIssuer {

    private final AccessTokenService accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final SecureTokens secureTokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final IdentitySettings settings;

    SessionIssuer(AccessTokenService accessTokens, RefreshTokenStore refreshTokens, SecureTokens secureTokens,
            IdGenerator ids, Clock clock, IdentitySettings settings) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.secureTokens = secureTokens;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    /** A new session, signed in from {@code device}: the first token of a new refresh-token family. */
    AuthResult start(Account account, AuthResult.TenantRef tenant, Role role, ClientDevice device) {
        return issue(ids.newId(), account, tenant, role, device);
    }

    /**
     * The next token pair of an existing session, after its previous refresh token was rotated; the session
     * is recorded as used now, from {@code device}.
     */
    AuthResult continueFamily(UUID familyId, Account account, AuthResult.TenantRef tenant, Role role,
            ClientDevice device) {
        return issue(familyId, account, tenant, role, device);
    }

    private AuthResult issue(UUID familyId, Account account, AuthResult.TenantRef tenant, Role role,
            ClientDevice device) {
        Instant now = clock.now();
        String accessToken = accessTokens.issue(new AccessTokenClaims(account.id(), tenant.id(), role,
                ids.newId().toString(), familyId, now, now.plus(settings.accessTokenTtl())));
        String refreshToken = secureTokens.newToken();
        refreshTokens.add(RefreshToken.issue(ids.newId(), familyId, account.id(), tenant.id(),
                TokenHash.of(refreshToken), now, now.plus(settings.refreshTokenTtl())), device);
        return new AuthResult(accessToken, refreshToken, settings.accessTokenTtl(), AuthResult.User.of(account), tenant,
                role);
    }
}
