package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.RateLimit;
import dev.coachkit.domain.identity.RateLimitDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts requests per key (client IP, account, tenant) against a limit, atomically, so that
 * several server processes sharing the adapter's store enforce one limit together.
 */
public interface RateLimiter {

    /** One unit to take from the bucket of {@code key}, which holds {@code limit}. */
    record Charge(String key, RateLimit limit) {

        public Charge {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** Takes one unit for {@code key} if the limit allows it, and says how much is left. */
    RateLimitDecision acquire(String key, RateLimit limit);

    /**
     * Does what {@link #acquire} would do for each charge in turn, stopping at the first refusal: the
     * decisions of the charges up to and including that one, and the charges after it left untouched.
     * An adapter over a remote store does it in one round trip.
     */
    default List<RateLimitDecision> acquireInTurn(List<Charge> charges) {
        List<RateLimitDecision> decisions = new ArrayList<>(charges.size());
        for (Charge charge : charges) {
            RateLimitDecision decision = acquire(charge.key(), charge.limit());
            decisions.add(decision);
            if (!decision.allowed()) {
                break;
            }
        }
        return List.copyOf(decisions);
    }
}
