package dev.coachkit.adapters.http.testing;

import static dev.coachkit.adapters.http.testing.OpenApiSchemas.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a response against what an OpenAPI 3.1 document says the operation answers: the operation
 * exists for the method and path, the status is documented, the Content-Type is the documented media
 * type, and a JSON body validates against the documented schema (HEAD: that there is no body).
 */
public final class OpenApiResponseCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode paths;
    private final OpenApiSchemas schemas;
    /** Concrete segments first: {@code /sessions/book} must win over {@code /sessions/{id}}, as OpenAPI says. */
    private final List<String> templates;

    public OpenApiResponseCheck(String documentJson) {
        this.paths = read(documentJson).path("paths");
        this.schemas = new OpenApiSchemas(documentJson);
        List<String> all = new ArrayList<>();
        paths.fieldNames().forEachRemaining(all::add);
        all.sort(Comparator.comparingLong(OpenApiResponseCheck::templatedSegments).thenComparing(Comparator.naturalOrder()));
        this.templates = List.copyOf(all);
    }

    /** Every way the response departs from the document; empty when it conforms. */
    public List<String> problems(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        Optional<String> template = templates.stream().filter(t -> matches(t, path)).findFirst();
        String verb = method.toLowerCase(Locale.ROOT);
        if (template.isEmpty() || !paths.path(template.get()).has(verb)) {
            return List.of("the document has no operation " + method + " " + path);
        }
        String operation = "/paths/" + token(template.get()) + "/" + verb;
        JsonNode responses = paths.path(template.get()).path(verb).path("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
        if (!responses.has(key)) {
            return List.of("status " + status + " is not documented for " + method + " " + template.get());
        }
        JsonNode content = responses.path(key).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body.isEmpty() ? List.of() : List.of("the documented response has no body, but one was sent");
        }
        String mediaType = contentType == null ? "" : baseType(contentType);
        Optional<String> documented = names(content).stream().filter(name -> covers(baseType(name), mediaType)).findFirst();
        if (documented.isEmpty()) {
            return List.of("Content-Type " + contentType + " is not among the documented " + names(content));
        }
        // a HEAD answer carries the headers of the documented body, never the body itself
        if (!isJson(mediaType) || verb.equals("head")) {
            return body.isEmpty() || !verb.equals("head") ? List.of() : List.of("a HEAD response carried a body");
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("the " + mediaType + " body is not JSON: " + e.getMessage());
        }
        return schemas.errors(operation + "/responses/" + key + "/content/" + token(documented.get()) + "/schema",
                instance == null ? JSON.missingNode() : instance);
    }

    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code image/png} is covered by itself, by the range {@code image/*} and by {@code *}{@code /*}. */
    private static boolean covers(String documented, String actual) {
        return documented.equals(actual) || documented.equals("*/*")
                || documented.endsWith("/*") && actual.startsWith(documented.substring(0, documented.length() - 1));
    }

    private static long templatedSegments(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    private static String baseType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
