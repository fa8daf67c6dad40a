package dev.coachkit.application.shared.port.out;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time; injected so that every rule about time can be tested at any instant. */
@FunctionalInterface
public interface Clock {

    Instant now();

    /**
     * The machine's UTC clock at microseconds, the precision PostgreSQL keeps, so an instant a use
     * case answers equals the one read back later.
     */
    static Clock system() {
        return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
