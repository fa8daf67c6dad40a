package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Builds the one ObjectMapper of the HTTP adapter: camelCase records, ISO-8601 instants, bounded input. */
public final class JsonMapping {

    /** Longest string value accepted; request bodies are capped anyway, this bounds parser buffers. */
    private static final int MAX_STRING_LENGTH = 1_000_000;

    private JsonMapping() {}

    public static ObjectMapper objectMapper(int maxNestingDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // newer clients may send fields this server does not know yet
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // but silently turning null into 0/false, or ignoring trailing garbage, hides client bugs
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // nor truncating 1.5 to 1 where a whole number belongs
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }
}
