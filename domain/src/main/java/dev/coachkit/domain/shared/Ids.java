package dev.coachkit.domain.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of client-supplied identifiers into UUIDs, strictly in canonical form. */
public final class Ids {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    /** {@link UUID#fromString} accepts forms like {@code 1-1-1-1-1}; ids are only accepted canonical. */
    public static UUID parse(String text, String field) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            throw new InvalidInputException(field, "must be a UUID");
        }
        return UUID.fromString(text);
    }
}
