package dev.coachkit.adapters.http.security;

import dev.coachkit.domain.identity.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * The request limits the server enforces when it has a rate limiter. A request counts against every
 * limit that applies to it; the closest to exhaustion is reported in the {@code RateLimit-*} headers.
 *
 * @param perClientIp every request of one client address (IPv6: one /64)
 * @param perClientIpOnAuth requests of one client address under {@code /auth/} and {@code /invitations/},
 *     where credentials and invitation tokens are guessed
 * @param perAccount requests authenticated as one account
 * @param perTenant requests authenticated in one tenant, all its members together
 */
public record RateLimitSettings(RateLimit perClientIp, RateLimit perClientIpOnAuth, RateLimit perAccount, RateLimit perTenant) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    public RateLimitSettings {
        Objects.requireNonNull(perClientIp, "perClientIp");
        Objects.requireNonNull(perClientIpOnAuth, "perClientIpOnAuth");
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perTenant, "perTenant");
    }

    /** 300 per minute per address, 20 on the credential and invitation paths, 600 per account, 3000 per tenant. */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(new RateLimit(300, MINUTE), new RateLimit(20, MINUTE), new RateLimit(600, MINUTE),
                new RateLimit(3000, MINUTE));
    }

    public RateLimitSettings withPerClientIp(RateLimit value) {
        return new RateLimitSettings(value, perClientIpOnAuth, perAccount, perTenant);
    }

    public RateLimitSettings withPerClientIpOnAuth(RateLimit value) {
        return new RateLimitSettings(perClientIp, value, perAccount, perTenant);
    }

    public RateLimitSettings withPerAccount(RateLimit value) {
        return new RateLimitSettings(perClientIp, perClientIpOnAuth, value, perTenant);
    }

    public RateLimitSettings withPerTenant(RateLimit value) {
        return new RateLimitSettings(perClientIp, perClientIpOnAuth, perAccount, value);
    }
}
