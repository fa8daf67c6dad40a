package dev.coachkit.application.identity.port.out;

import java.time.Instant;

/**
 * Keys of access tokens that must no longer be accepted although their signature is valid: a token
 * id (logout) or a membership (erasure). Entries may be forgotten once {@code until} has passed,
 * since every token they concern has expired by then.
 */
public interface TokenDenylist {

    void deny(String tokenId, Instant until);

    /** Whether any of the keys is denied; one round trip however many keys a request checks. */
    boolean isDenied(String... keys);
}
