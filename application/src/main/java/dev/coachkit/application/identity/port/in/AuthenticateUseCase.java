package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.shared.Actor;
import java.time.Instant;
import java.util.Objects;

/** Turns a bearer access token into the {@link Actor} it speaks for, or refuses it. */
public interface AuthenticateUseCase {

    /**
     * Verifies the token and that it was not revoked by a logout.
     *
     * @throws dev.coachkit.domain.shared.AuthenticationException for any token that is not accepted
     */
    Caller authenticate(String accessToken);

    /** The authenticated caller and the token it used, which logout needs to revoke. */
    record Caller(Actor actor, String tokenId, Instant tokenExpiresAt) {
        public Caller {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        }
    }
}
