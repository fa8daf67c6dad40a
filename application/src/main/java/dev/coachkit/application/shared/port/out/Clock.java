package dev.coachkit.application.shared.port.out;

import java.time.Instant;

/** The current time; injected so that every rule about time can be tested at any instant. */
@FunctionalInterface
public interface Clock {

    Instant now();

    /** The machine's UTC clock. */
    static Clock system() {
        return Instant::now;
    }
}
