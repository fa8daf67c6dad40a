package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.shared.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Turns a bearer access token into the {@link Actor} it speaks for, as the memberships stand now, or refuses it. */
public interface AuthenticateUseCase {

    /**
     * Verifies the token, that it was not revoked (logout, erasure) and that its account is still a member
     * of its tenant; the caller acts with the role the membership holds now, whatever the token says.
     *
     * @throws dev.coachkit.domain.shared.AuthenticationException for any token that is not accepted
     */
    Caller authenticate(String accessToken);

    /** The authenticated caller and the token and session it used, which logout needs to revoke. */
    record Caller(Actor actor, String tokenId, UUID sessionId, Instant tokenExpiresAt) {
        public Caller {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        }
    }
}
