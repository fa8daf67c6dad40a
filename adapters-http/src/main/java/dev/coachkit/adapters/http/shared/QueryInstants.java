package dev.coachkit.adapters.http.shared;

import dev.coachkit.domain.shared.InvalidInputException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads instant query parameters ({@code ?from&to}) the same way on every route. */
public final class QueryInstants {

    // ISO-8601 allows years beyond what the database (and any calendar) can hold; such a filter is a client bug
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private QueryInstants() {}

    /**
     * The instant in {@code ?name}, or empty when it is absent or blank.
     *
     * @throws InvalidInputException naming the parameter when it is not an ISO-8601 instant of years 1-9999
     */
    public static Optional<Instant> optional(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(name);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid(name);
        }
        return Optional.of(instant);
    }

    private static InvalidInputException invalid(String name) {
        return new InvalidInputException(name, "must be an ISO-8601 instant of the years 1-9999 such as "
                + "2026-11-30T09:00:00Z");
    }
}
