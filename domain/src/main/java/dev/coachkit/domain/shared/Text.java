package dev.coachkit.domain.shared;

/** Checks on client-supplied text shared by value objects: present, trimmed, within a length. */
public final class Text {

    private Text() {}

    /** The trimmed text, or an {@link InvalidInputException} naming {@code field}. Length counts code points. */
    public static String required(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
