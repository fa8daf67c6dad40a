package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.TokenDenylist;
import dev.coachkit.application.shared.port.out.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Denied token ids in this process, each purged once its {@code until} has passed. */
public final class InMemoryTokenDenylist implements TokenDenylist {

    private final Clock clock;
    private final ConcurrentMap<String, Instant> deniedUntil = new ConcurrentHashMap<>();

    public InMemoryTokenDenylist(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void deny(String tokenId, Instant until) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(until, "until");
        Instant now = clock.now();
        purgeExpired(now);
        if (now.isBefore(until)) {
            deniedUntil.put(tokenId, until);
        }
    }

    @Override
    public boolean isDenied(String... keys) {
        return Arrays.stream(keys).anyMatch(this::isDenied);
    }

    private boolean isDenied(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        Instant until = deniedUntil.get(tokenId);
        if (until == null) {
            return false;
        }
        if (clock.now().isBefore(until)) {
            return true;
        }
        deniedUntil.remove(tokenId, until);
        return false;
    }

    /** How many ids are remembered; for tests of purging. */
    int size() {
        return deniedUntil.size();
    }

    private void purgeExpired(Instant now) {
        deniedUntil.values().removeIf(until -> !now.isBefore(until));
    }
}
