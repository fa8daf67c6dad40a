package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RateLimiterContract;
import dev.coachkit.application.shared.port.out.Clock;

class InMemoryRateLimiterContractTest extends RateLimiterContract {

    private final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter(Clock.system());

    @Override
    protected RateLimiter rateLimiter() {
        return rateLimiter;
    }
}
