package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.TokenHash;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens (by hash only) and their families; global, like accounts. */
public interface RefreshTokenStore {

    void add(RefreshToken token);

    Optional<RefreshToken> findByHash(TokenHash hash);

    /**
     * Marks the token as replaced if it is still neither rotated nor revoked — atomically, so two
     * concurrent refreshes of one token cannot both succeed. False when it was already used.
     */
    boolean markRotated(UUID tokenId, Instant at);

    /** Revokes every token of the family (logout, or reuse of a rotated token). */
    void revokeFamily(UUID familyId, Instant at);
}
