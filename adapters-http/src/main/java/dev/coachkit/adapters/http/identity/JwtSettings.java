package dev.coachkit.adapters.http.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * How access tokens are issued and checked. Start from {@link #defaults(JwtKey)}.
 *
 * @param issuer the {@code iss} claim written and required
 * @param audience the {@code aud} claim written and required
 * @param accessTokenTtl how long an access token lives; the login use case sets {@code exp} from it
 * @param key signs and verifies; fixes the accepted algorithm
 */
public record JwtSettings(String issuer, String audience, Duration accessTokenTtl, JwtKey key) {

    public static final String DEFAULT_ISSUER = "coachkit";
    public static final String DEFAULT_AUDIENCE = "coachkit-api";
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public JwtSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        if (accessTokenTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("accessTokenTtl must be at least one second");
        }
    }

    /** Issuer {@code coachkit}, audience {@code coachkit-api}, 15-minute tokens. */
    public static JwtSettings defaults(JwtKey key) {
        return new JwtSettings(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEFAULT_ACCESS_TOKEN_TTL, key);
    }

    public JwtSettings withIssuer(String value) {
        return new JwtSettings(value, audience, accessTokenTtl, key);
    }

    public JwtSettings withAudience(String value) {
        return new JwtSettings(issuer, value, accessTokenTtl, key);
    }

    public JwtSettings withAccessTokenTtl(Duration value) {
        return new JwtSettings(issuer, audience, value, key);
    }

    public JwtSettings withKey(JwtKey value) {
        return new JwtSettings(issuer, audience, accessTokenTtl, value);
    }
}
