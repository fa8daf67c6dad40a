package dev.coachkit.adapters.persistence.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between domain instants and the {@code timestamptz} values jOOQ maps to OffsetDateTime. */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime toColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant toInstant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
