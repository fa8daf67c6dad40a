package dev.coachkit.application.identity;

import dev.coachkit.domain.identity.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of the identity secrets, the limit on sign-in attempts per account, and the limits on password
 * reset requests per client address and per target e-mail.
 */
public record IdentitySettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration invitationValidity,
        RateLimit loginAttemptsPerAccount, Duration passwordResetValidity, Duration emailVerificationValidity,
        RateLimit passwordResetsPerAddress, RateLimit passwordResetsPerEmail) {

    /** How long a password-reset link works: long enough to open the mail, short for a stolen mailbox. */
    public static final Duration PASSWORD_RESET_VALIDITY = Duration.ofMinutes(30);
    /** How long a verification link works: as long as an invitation, whose e-mail carries one. */
    public static final Duration EMAIL_VERIFICATION_VALIDITY = Duration.ofDays(7);

    public IdentitySettings {
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(invitationValidity, "invitationValidity");
        Objects.requireNonNull(loginAttemptsPerAccount, "loginAttemptsPerAccount");
        Objects.requireNonNull(passwordResetValidity, "passwordResetValidity");
        Objects.requireNonNull(emailVerificationValidity, "emailVerificationValidity");
        Objects.requireNonNull(passwordResetsPerAddress, "passwordResetsPerAddress");
        Objects.requireNonNull(passwordResetsPerEmail, "passwordResetsPerEmail");
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.compareTo(accessTokenTtl) <= 0
                || invitationValidity.isNegative() || invitationValidity.isZero()
                || passwordResetValidity.isNegative() || passwordResetValidity.isZero()
                || emailVerificationValidity.isNegative() || emailVerificationValidity.isZero()) {
            throw new IllegalArgumentException("lifetimes must be positive and refresh tokens outlive access tokens");
        }
    }

    /**
     * 15-minute access tokens, 30-day refresh tokens, 7-day invitations, 10 sign-in attempts a minute per account,
     * 30-minute reset links, 7-day verification links, 5 reset requests an hour per address and 3 per e-mail.
     */
    public static IdentitySettings defaults() {
        return new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(7),
                new RateLimit(10, Duration.ofMinutes(1)), PASSWORD_RESET_VALIDITY, EMAIL_VERIFICATION_VALIDITY,
                new RateLimit(5, Duration.ofHours(1)), new RateLimit(3, Duration.ofHours(1)));
    }
}
