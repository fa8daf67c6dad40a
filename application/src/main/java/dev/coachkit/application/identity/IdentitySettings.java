package dev.coachkit.application.identity;

import java.time.Duration;
import java.util.Objects;

/** Lifetimes of the identity secrets. */
public record IdentitySettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration invitationValidity) {

    public IdentitySettings {
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(invitationValidity, "invitationValidity");
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.compareTo(accessTokenTtl) <= 0
                || invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw new IllegalArgumentException("lifetimes must be positive and refresh tokens outlive access tokens");
        }
    }

    /** 15-minute access tokens, 30-day refresh tokens, 7-day invitations. */
    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(7));
    }
}
