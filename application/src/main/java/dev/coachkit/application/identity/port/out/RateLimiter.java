package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;

/**
 * Counts requests per key (client IP, account, tenant) against a limit, atomically, so that
 * several server processes sharing the adapter's store enforce one limit together.
 */
public interface RateLimiter {

    /** Takes one unit for {@code key} if the limit allows it, and says how much is left. */
    RateLimitDecision acquire(String key, RateLimit limit);
}
