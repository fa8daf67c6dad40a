package dev.coachkit.domain.shared;

import java.util.Optional;

/** How much of a list to return and from where: {@code limit} items after {@code after}, if given. */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        after = after == null ? Optional.empty() : after;
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    public static PageRequest firstDefault() {
        return first(DEFAULT_LIMIT);
    }

    public PageRequest after(Cursor cursor) {
        return new PageRequest(limit, Optional.of(cursor));
    }
}
