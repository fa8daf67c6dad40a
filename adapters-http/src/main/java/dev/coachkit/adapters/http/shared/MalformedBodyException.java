package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The request body could not be read as the expected JSON. Kept apart from Jackson's own exceptions
 * so that a failure to <em>write</em> a response still counts as a server error.
 */
public final class MalformedBodyException extends RuntimeException {

    private static final String WRONG_TYPE = "has the wrong type or format";
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, Byte.class, byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class,
            BigDecimal.class);

    public MalformedBodyException(IOException cause) {
        super(cause.getClass().getSimpleName(), cause);
    }

    /** The JSON path of the offending value ({@code slots[0].startTime}) when the parser knows it. */
    public Optional<String> field() {
        Optional<StreamReadException> duplicate = duplicateField();
        if (duplicate.isPresent() && duplicate.get().getProcessor() != null) {
            return pathOf(duplicate.get().getProcessor().getParsingContext()); // the parser stands at the repeated name
        }
        if (getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                } else if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                }
            }
            return path.length() == 0 ? Optional.empty() : Optional.of(path.toString());
        }
        return Optional.empty();
    }

    /** What is wrong with the value at {@link #field()}, written for the client. */
    public String message() {
        if (getCause() instanceof WellFormedText.LoneSurrogate) {
            return "must not contain an unpaired UTF-16 surrogate (\\ud800-\\udfff without its partner)";
        }
        if (duplicateField().isPresent()) {
            return "appears more than once in its object";
        }
        if (getCause() instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return expected(mismatched.getTargetType());
        }
        return WRONG_TYPE;
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "must be a whole number";
        }
        if (NUMBERS.contains(type)) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-11-30T09:00:00Z";
        }
        return WRONG_TYPE;
    }

    /**
     * Jackson has no exception type of its own for STRICT_DUPLICATE_DETECTION, only a fixed message; inside a
     * list or a nested object it arrives wrapped in a mapping exception.
     */
    private Optional<StreamReadException> duplicateField() {
        for (Throwable t = getCause(); t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                return Optional.of(read);
            }
        }
        return Optional.empty();
    }

    /** The path of the value the parser stood at, from the outermost object in. */
    private static Optional<String> pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("", parts));
    }
}
