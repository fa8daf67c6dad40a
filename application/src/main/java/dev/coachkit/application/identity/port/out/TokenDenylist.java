package dev.coachkit.application.identity.port.out;

import java.time.Instant;

/**
 * Access-token ids that must no longer be accepted although their signature is valid (logout).
 * Entries may be forgotten once {@code until} has passed, since the token has expired by then.
 */
public interface TokenDenylist {

    void deny(String tokenId, Instant until);

    boolean isDenied(String tokenId);
}
