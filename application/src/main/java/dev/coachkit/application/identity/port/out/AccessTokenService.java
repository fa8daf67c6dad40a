package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.AccessTokenClaims;
import dev.coachkit.domain.shared.AuthenticationException;

/** Issues and verifies signed, short-lived access tokens (JWT in the HTTP adapter). */
public interface AccessTokenService {

    /** The one message of every refused access token: nothing that tells an attacker which check failed. */
    String INVALID_TOKEN = "The access token is invalid or has expired.";

    /** Signs the claims; the token expires at {@code claims.expiresAt()}. */
    String issue(AccessTokenClaims claims);

    /**
     * Verifies signature (with the pinned algorithm), issuer, audience and expiry.
     *
     * @throws AuthenticationException when the token is not one this service issued and still valid
     */
    AccessTokenClaims verify(String token);
}
