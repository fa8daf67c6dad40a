package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * Builds the one ObjectMapper of the HTTP adapter: camelCase records, ISO-8601 instants, bounded input,
 * and strict types: a value must be of the JSON type its field declares, once per object, as real text.
 */
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
                // {"role":"ATHLETE","role":"ADMIN"}: a filter in front may read the first, Jackson keeps the last
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("StrictScalars")
                        .addDeserializer(String.class, new WellFormedText())
                        .addDeserializer(Instant.class, new TextualInstants()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // newer clients may send fields this server does not know yet
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // but silently turning null into 0/false, or ignoring trailing garbage, hides client bugs
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // nor truncating 1.5 to 1 where a whole number belongs
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // nor reading 1 or "1" as the second constant of an enum (dayOfWeek 1 is TUESDAY to Jackson)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // nor "100" as a number, "false" or 0 as a boolean: each scalar only in its own JSON type
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Boolean, strict -> strict
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, strict -> strict
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, strict -> strict
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, strict -> strict
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, strict -> strict
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                // nor "", " " or "\u0000" as an id left out: Jackson trims an id (String.trim drops control
                // characters too) and reads what is left empty as null, so a hostile spaceId became no space
                .withCoercionConfig(LogicalType.OtherScalar, strict -> strict
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                .build();
    }
}
