package dev.coachkit.application.identity.port.out;

/** Source of unguessable bearer secrets (refresh tokens, invitation tokens). */
@FunctionalInterface
public interface SecureTokens {

    /** A new token carrying at least 256 bits of randomness, URL-safe. */
    String newToken();
}
