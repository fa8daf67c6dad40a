package dev.coachkit.domain.shared;

import java.util.Optional;

/** Checks on client-supplied text shared by value objects: present, trimmed, within a length. */
public final class Text {

    private Text() {}

    /** The trimmed text, or an {@link InvalidInputException} naming {@code field}. Length counts code points. */
    public static String required(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return withinLimits(text.strip(), field, maxLength);
    }

    /**
     * The text exactly as given (user content keeps its whitespace and characters), or an
     * {@link InvalidInputException} naming {@code field} when it is blank or too long.
     */
    public static String verbatim(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return withinLimits(text, field, maxLength);
    }

    /** An absent or blank optional text is empty; a present one is checked like {@link #required}. */
    public static Optional<String> optional(String text, String field, int maxLength) {
        return text == null || text.isBlank() ? Optional.empty()
                : Optional.of(required(text, field, maxLength));
    }

    // PostgreSQL text cannot hold NUL; refusing it here keeps every adapter's behaviour the same
    private static String withinLimits(String text, String field, int maxLength) {
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "must not contain the NUL character");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return text;
    }
}
