package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Reads an instant only from ISO-8601 text. Jackson's own reads {@code 123}, {@code 1.5} and {@code "123"} as
 * seconds since 1970, whatever its leniency or coercion settings say: a client bug becomes a date in 1970.
 */
final class TextualInstants extends StdScalarDeserializer<Instant> {

    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?[0-9]+(\\.[0-9]*)?\\s*");

    TextualInstants() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        if (NUMBER.matcher(p.getText()).matches()) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "a number, not an ISO-8601 instant");
        }
        return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
}
