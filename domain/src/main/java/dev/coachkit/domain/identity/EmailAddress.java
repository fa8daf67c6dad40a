package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, compared case-insensitively: stored trimmed and lower-cased. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()
                || !value.equals(value.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("email", "must be an e-mail address");
        }
    }

    /** Normalizes client input; reports problems against {@code field}. */
    public static EmailAddress parse(String text, String field) {
        if (text == null) {
            throw new InvalidInputException(field, "must be an e-mail address");
        }
        try {
            return new EmailAddress(text.strip().toLowerCase(Locale.ROOT));
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(field, "must be an e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
