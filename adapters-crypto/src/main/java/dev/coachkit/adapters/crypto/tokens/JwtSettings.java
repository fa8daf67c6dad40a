package dev.coachkit.adapters.crypto.tokens;

import java.util.Objects;

/**
 * How access tokens are signed and checked. Start from {@link #defaults(JwtKey)}. Their lifetime is
 * not set here: the core's {@code IdentitySettings} decides {@code exp}, and verification checks it.
 *
 * @param issuer the {@code iss} claim written and required
 * @param audience the {@code aud} claim written and required
 * @param key signs and verifies; fixes the accepted algorithm
 */
public record JwtSettings(String issuer, String audience, JwtKey key) {

    public static final String DEFAULT_ISSUER = "coachkit";
    public static final String DEFAULT_AUDIENCE = "coachkit-api";

    public JwtSettings {
        Objects.requireNonNull(key, "key");
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
    }

    /** Issuer {@code coachkit}, audience {@code coachkit-api}. */
    public static JwtSettings defaults(JwtKey key) {
        return new JwtSettings(DEFAULT_ISSUER, DEFAULT_AUDIENCE, key);
    }

    public JwtSettings withIssuer(String value) {
        return new JwtSettings(value, audience, key);
    }

    public JwtSettings withAudience(String value) {
        return new JwtSettings(issuer, value, key);
    }
}
