package dev.coachkit.adapters.http.shared;

import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.PageRequest;
import io.javalin.http.Context;
import java.util.List;

/** Reads {@code ?limit&cursor} into a page request and documents both parameters once for every list. */
public final class Paging {

    public static final List<ApiParameter> PARAMETERS = List.of(
            ApiParameter.query("limit", Integer.class, "Items per page, 1-100 (default 20)").atLeast(1),
            ApiParameter.query("cursor", String.class, "The nextCursor of the previous page"));

    private Paging() {}

    /** The requested page; {@code cursorKeys} is how many keys this list's cursors hold. */
    public static PageRequest from(Context ctx, int cursorKeys) {
        String limitText = ctx.queryParam("limit");
        int limit;
        try {
            limit = limitText == null ? PageRequest.DEFAULT_LIMIT : Integer.parseInt(limitText.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
        PageRequest first = PageRequest.first(limit);
        String cursor = ctx.queryParam("cursor");
        return cursor == null || cursor.isBlank() ? first : first.after(Cursor.decode(cursor, cursorKeys));
    }
}
