package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads every JSON string of a request and refuses one holding an unpaired UTF-16 surrogate: the escape
 * {@code "\ud800"} is valid JSON, Jackson passes it through, and the database stores it as {@code ?}.
 */
final class WellFormedText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = super.deserialize(p, ctxt);
        if (text != null && hasLoneSurrogate(text)) {
            throw new LoneSurrogate(p);
        }
        return text;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one supplementary character
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A string with an unpaired surrogate; Jackson adds the field's path as it unwinds. */
    static final class LoneSurrogate extends MismatchedInputException {
        LoneSurrogate(JsonParser p) {
            super(p, "a string holds an unpaired UTF-16 surrogate", String.class);
        }
    }
}
