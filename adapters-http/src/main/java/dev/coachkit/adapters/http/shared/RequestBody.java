package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.InvalidInputException.FieldError;
import io.javalin.config.JavalinConfig;
import io.javalin.config.Key;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a JSON request body into a record and validates it: the one way handlers take input, so
 * every endpoint answers 415, 413, 400 and field errors alike.
 */
public final class RequestBody {

    private static final Key<ObjectMapper> MAPPER = new Key<>("coachkit.objectMapper");
    private static final Key<Validator> VALIDATOR = new Key<>("coachkit.validator");

    private RequestBody() {}

    /** Makes the mapper and validator available to {@link #parse} on every request of this server. */
    public static void install(JavalinConfig config, ObjectMapper mapper, Validator validator) {
        config.appData(MAPPER, mapper);
        config.appData(VALIDATOR, validator);
    }

    /**
     * Deserializes the body into {@code type} and checks its constraints.
     *
     * @throws HttpResponseException 415 when the body is not JSON, 413 when it is over the limit
     * @throws MalformedBodyException when it is not valid JSON for {@code type}
     * @throws InvalidInputException naming every field that breaks a constraint
     */
    public static <T> T parse(Context ctx, Class<T> type) {
        requireJson(ctx.contentType());
        byte[] bytes = ctx.bodyAsBytes(); // Javalin enforces the size limit here (413)
        if (bytes.length == 0) {
            throw new InvalidInputException("body", "a JSON request body is required");
        }
        T value;
        try {
            requireUtf8(bytes);
            value = ctx.appData(MAPPER).readValue(bytes, type);
        } catch (IOException e) {
            throw new MalformedBodyException(e);
        }
        if (value == null) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        List<FieldError> errors = ctx.appData(VALIDATOR).validate(value).stream()
                .map(RequestBody::toFieldError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return value;
    }

    /**
     * The top-level fields the body sent, for a PATCH, where a field sent as {@code null} (clear it) and a
     * field left out (keep it) both read as {@code null} in the record {@link #parse} made. Unknown fields
     * are among them, and are ignored as {@link #parse} ignores them. Call after {@link #parse}, which
     * checked the body.
     */
    public static Set<String> sentFields(Context ctx) {
        try {
            Set<String> sent = new LinkedHashSet<>();
            ctx.appData(MAPPER).readTree(ctx.bodyAsBytes()).fieldNames().forEachRemaining(sent::add);
            return sent;
        } catch (IOException e) {
            throw new MalformedBodyException(e);
        }
    }

    /**
     * Jackson decodes some invalid UTF-8 instead of refusing it: overlong forms ({@code C0 AF} becomes
     * {@code /}, the classic filter bypass) and encoded surrogates, and skips unknown fields unread.
     * The JDK's decoder refuses all of them.
     */
    private static void requireUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
    }

    private static void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new HttpResponseException(415, "The request body must be application/json"
                    + (mediaType.isEmpty() ? " (no Content-Type was sent)" : ", not " + mediaType));
        }
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        String field = violation.getPropertyPath().toString();
        return new FieldError(field.isEmpty() ? "body" : field, violation.getMessage());
    }
}
