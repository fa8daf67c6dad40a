package dev.coachkit.application.scheduling;

import dev.coachkit.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * How far from now the instants of a scheduling request may lie. Anything beyond is a client error
 * (400), not an overflow in date arithmetic or in PostgreSQL's timestamp range (500).
 */
final class Horizon {

    /** Five years, leap days included. */
    static final Duration REACH = Duration.ofDays(5 * 365 + 2);

    private Horizon() {}

    /** {@code value}, if it lies within {@link #REACH} of {@code now}; otherwise the field's error. */
    static Instant require(String field, Instant value, Instant now) {
        if (value.isBefore(now.minus(REACH)) || value.isAfter(now.plus(REACH))) {
            throw new InvalidInputException(field, "must lie within 5 years of now");
        }
        return value;
    }
}
