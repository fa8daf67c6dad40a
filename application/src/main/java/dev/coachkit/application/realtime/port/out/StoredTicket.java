package dev.coachkit.application.realtime.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A real-time ticket as stored: the digest that finds it and the access token it stands for, sealed
 * (base64) under a key derived from the ticket itself — so the store alone can neither use nor read it.
 */
public record StoredTicket(String digest, String sealedToken, Instant expiresAt) {

    public StoredTicket {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(sealedToken, "sealedToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
