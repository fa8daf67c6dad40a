package dev.coachkit.domain.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * An opaque keyset position in a list, e.g. the {@code (createdAt, id)} of the last item returned.
 * Clients only echo it back; a tampered or foreign cursor is rejected as invalid input.
 */
public record Cursor(List<String> keys) {

    private static final String SEPARATOR = "\n";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public Cursor {
        keys = List.copyOf(keys);
        if (keys.isEmpty() || keys.stream().anyMatch(key -> key.isEmpty() || key.contains(SEPARATOR))) {
            throw new IllegalArgumentException("cursor keys must be non-empty single-line strings");
        }
    }

    public static Cursor of(String... keys) {
        return new Cursor(Arrays.asList(keys));
    }

    /** Decodes a client-supplied cursor, expecting exactly {@code keyCount} keys. */
    public static Cursor decode(String token, int keyCount) {
        Objects.requireNonNull(token, "token");
        try {
            String text = new String(DECODER.decode(token), StandardCharsets.UTF_8);
            Cursor cursor = new Cursor(Arrays.asList(text.split(SEPARATOR, -1)));
            if (cursor.keys.size() == keyCount) {
                return cursor;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below as the client's error, without echoing internals
        }
        throw invalid();
    }

    public String encode() {
        return ENCODER.encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The key as an instant; a cursor that does not hold one is the client's error. */
    private static final Instant EARLIEST_KEY = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_KEY = Instant.parse("9999-12-31T23:59:59Z");

    public Instant instantKey(int index) {
        Instant key;
        try {
            key = Instant.parse(keys.get(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
        // a tampered cursor may hold an instant no store can compare with (PostgreSQL ends at 294276 AD)
        if (key.isBefore(EARLIEST_KEY) || key.isAfter(LATEST_KEY)) {
            throw invalid();
        }
        return key;
    }

    /** The key as a UUID; a cursor that does not hold one is the client's error. */
    public long longKey(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public UUID uuidKey(int index) {
        return Ids.parse(keys.get(index), "cursor");
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor this list returned");
    }
}
