package dev.coachkit.adapters.http.shared;

import dev.coachkit.domain.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8. Javalin decodes each parameter on
 * its own and turns one it cannot decode into an empty value, so {@code ?cursor=%%%} read as "no cursor":
 * the first page instead of an error. Checked once, before any route reads a parameter.
 */
public final class QueryStrings {

    private QueryStrings() {}

    /**
     * @throws InvalidInputException naming the parameter whose name or value is malformed ({@code query} when
     *     its name cannot be read)
     */
    public static void requireWellFormed(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decodedName = decode(name);
            if (decodedName == null) {
                throw invalid("query");
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
                throw invalid(decodedName.isBlank() ? "query" : decodedName);
            }
        }
    }

    /** The decoded text, or null when a {@code %} is not followed by two hex digits or the bytes are not UTF-8. */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded.replace('+', ' ');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int from = 0;
        while (from < encoded.length()) {
            int percent = encoded.indexOf('%', from);
            int end = percent < 0 ? encoded.length() : percent;
            bytes.writeBytes(encoded.substring(from, end).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
            if (percent < 0) {
                break;
            }
            int high = percent + 1 < encoded.length() ? hex(encoded.charAt(percent + 1)) : -1;
            int low = percent + 2 < encoded.length() ? hex(encoded.charAt(percent + 2)) : -1;
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            from = percent + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** An ASCII hex digit's value; {@link Character#digit} would also take other scripts' digits. */
    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static InvalidInputException invalid(String field) {
        return new InvalidInputException(field, "is not valid percent-encoded UTF-8 (a % must be followed by two hex "
                + "digits, encoding UTF-8 bytes)");
    }
}
