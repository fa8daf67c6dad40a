package dev.coachkit.adapters.http.shared;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A path, query or header parameter of an {@link ApiRoute}. Path parameters named in the route's
 * template need no declaration; declare them only to give them a type or a description.
 *
 * @param minimum the least value of a number (the document's {@code minimum}), null when it has none
 */
public record ApiParameter(String name, Location in, Class<?> type, boolean required, String description,
        @Nullable Long minimum) {

    /** Where the parameter travels. */
    public enum Location {
        PATH,
        QUERY,
        HEADER
    }

    public ApiParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (in == Location.PATH && !required) {
            throw new IllegalArgumentException("path parameter " + name + " is always required");
        }
    }

    public ApiParameter(String name, Location in, Class<?> type, boolean required, String description) {
        this(name, in, type, required, description, null);
    }

    /** This number parameter, documented as never below {@code least}. */
    public ApiParameter atLeast(long least) {
        return new ApiParameter(name, in, type, required, description, least);
    }

    public static ApiParameter query(String name, Class<?> type, String description) {
        return new ApiParameter(name, Location.QUERY, type, false, description);
    }

    public static ApiParameter path(String name, Class<?> type, String description) {
        return new ApiParameter(name, Location.PATH, type, true, description);
    }

    public static ApiParameter header(String name, String description) {
        return new ApiParameter(name, Location.HEADER, String.class, false, description);
    }
}
