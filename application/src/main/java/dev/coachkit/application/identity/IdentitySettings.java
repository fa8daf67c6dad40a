package dev.coachkit.application.identity;

import dev.coachkit.domain.identity.RateLimit;
import java.time.Duration;
import java.util.Objects;

/** Lifetimes of the identity secrets, and the limit on sign-in attempts per account. */
public record IdentitySettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration invitationValidity,
        RateLimit loginAttemptsPerAccount) {

    public IdentitySettings {
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(invitationValidity, "invitationValidity");
        Objects.requireNonNull(loginAttemptsPerAccount, "loginAttemptsPerAccount");
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.compareTo(accessTokenTtl) <= 0
                || invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw new IllegalArgumentException("lifetimes must be positive and refresh tokens outlive access tokens");
        }
    }

    /** 15-minute access tokens, 30-day refresh tokens, 7-day invitations, 10 sign-in attempts a minute per account. */
    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(7),
                new RateLimit(10, Duration.ofMinutes(1)));
    }
}
