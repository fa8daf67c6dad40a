package dev.coachkit.domain.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code next} is present when more items follow. */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }

    /**
     * Builds a page from up to {@code limit + 1} fetched rows: the extra row only proves that a next
     * page exists, and the cursor points at the last row returned.
     */
    public static <T> Page<T> fromLookahead(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
