package dev.coachkit.adapters.http.openapi;

import dev.coachkit.adapters.http.idempotency.IdempotentRequests;
import dev.coachkit.adapters.http.security.RateLimiting;
import dev.coachkit.adapters.http.shared.ApiParameter;
import dev.coachkit.adapters.http.shared.ApiResponse;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RequestIds;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Generates the OpenAPI 3.1 document from the route definitions the server registers. */
public final class OpenApiDocument {

    public static final String BEARER = "bearerAuth";

    private OpenApiDocument() {}

    /**
     * The whole document as a JSON-ready tree of maps and lists.
     *
     * @param serverUrl the base URL clients use; {@code /} means "where this document was served from"
     */
    public static Map<String, Object> of(String title, String version, String serverUrl, List<ApiRoute> routes) {
        JsonSchemas schemas = new JsonSchemas();
        Map<String, Object> paths = new TreeMap<>();
        List<ApiRoute> ordered = routes.stream().sorted(Comparator.comparing(ApiRoute::path)
                .thenComparing(ApiRoute::method)).toList();
        for (ApiRoute route : ordered) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route, schemas));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", title, "version", version,
                "description", "CoachKit REST API. Errors are application/problem+json (RFC 9457)."));
        document.put("servers", List.of(Map.of("url", serverUrl)));
        document.put("security", List.of(Map.of(BEARER, List.of())));
        document.put("tags", new TreeSet<>(routes.stream().map(ApiRoute::tag).toList()).stream()
                .map(tag -> Map.of("name", tag)).toList());
        document.put("paths", paths);
        document.put("components", Map.of(
                "headers", headers(),
                "securitySchemes", Map.of(BEARER, Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT")),
                "schemas", schemas.components()));
        return document;
    }

    private static Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("RequestId", header("Echoes the client's X-Request-Id when sane, otherwise a generated one", "string"));
        headers.put("RateLimitLimit", header("Capacity of the most restrictive rate limit that applies", "integer"));
        headers.put("RateLimitRemaining", header("Requests left under that limit", "integer"));
        headers.put("RateLimitReset", header("Seconds until that limit is fully replenished", "integer"));
        headers.put("RetryAfter", header("Seconds to wait before a retry can succeed", "integer"));
        headers.put("IdempotentReplayed", header("true when the response is the stored answer to an earlier request"
                + " with the same Idempotency-Key", "boolean"));
        return headers;
    }

    private static Map<String, Object> header(String description, String type) {
        return Map.of("description", description, "schema", Map.of("type", type));
    }

    private static Map<String, Object> operation(ApiRoute route, JsonSchemas schemas) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.operationId());
        operation.put("summary", route.summary());
        operation.put("tags", List.of(route.tag()));
        if (!route.authenticated()) {
            operation.put("security", List.of()); // overrides the document-wide bearer requirement
        }
        List<Map<String, Object>> parameters = parameters(route, schemas);
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        if (route.requestBody() != null) {
            operation.put("requestBody", Map.of("required", true, "content", Map.of(route.requestMediaType(),
                    media(schemas.schemaOf(route.requestBody()), route.requestExample()))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        for (ApiResponse response : route.documentedResponses()) {
            responses.put(Integer.toString(response.status()), response(route, response, schemas));
        }
        operation.put("responses", responses);
        return operation;
    }

    private static List<Map<String, Object>> parameters(ApiRoute route, JsonSchemas schemas) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : route.pathParameterNames()) {
            ApiParameter declared = route.parameters().stream()
                    .filter(p -> p.in() == ApiParameter.Location.PATH && p.name().equals(name))
                    .findFirst()
                    .orElse(ApiParameter.path(name, String.class, ""));
            parameters.add(parameter(declared, schemas));
        }
        route.parameters().stream()
                .filter(p -> p.in() != ApiParameter.Location.PATH)
                .forEach(p -> parameters.add(parameter(p, schemas)));
        if (route.acceptsIdempotencyKey()) {
            Map<String, Object> key = parameter(ApiParameter.header(IdempotentRequests.HEADER, route.authenticated()
                    ? IdempotentRequests.DESCRIPTION : IdempotentRequests.ANONYMOUS_DESCRIPTION), schemas);
            int least = route.authenticated() ? 1 : Request.MIN_ANONYMOUS_LENGTH;
            key.put("schema", Map.of("type", "string", "minLength", least, "maxLength", Request.MAX_LENGTH,
                    "pattern", "^[\\x20-\\x7E]+$"));
            parameters.add(key);
        }
        return parameters;
    }

    private static Map<String, Object> parameter(ApiParameter parameter, JsonSchemas schemas) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", parameter.name());
        result.put("in", parameter.in().name().toLowerCase(Locale.ROOT));
        result.put("required", parameter.required());
        if (!parameter.description().isEmpty()) {
            result.put("description", parameter.description());
        }
        Map<String, Object> schema = new LinkedHashMap<>(schemas.schemaOf(parameter.type()));
        if (parameter.minimum() != null) {
            schema.put("minimum", parameter.minimum());
        }
        result.put("schema", schema);
        return result;
    }

    /** A Media Type Object; the example is the Java value itself, so the server's mapper writes it. */
    private static Map<String, Object> media(Map<String, Object> schema, Object example) {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("schema", schema);
        if (example != null) {
            media.put("example", example);
        }
        return media;
    }

    private static Map<String, Object> ref(String header) {
        return Map.of("$ref", "#/components/headers/" + header);
    }

    private static Map<String, Object> response(ApiRoute route, ApiResponse response, JsonSchemas schemas) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("description", response.description());
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(RequestIds.HEADER, ref("RequestId"));
        headers.put(RateLimiting.LIMIT, ref("RateLimitLimit"));
        headers.put(RateLimiting.REMAINING, ref("RateLimitRemaining"));
        headers.put(RateLimiting.RESET, ref("RateLimitReset"));
        if (response.status() == 429 || (response.status() == 409 && route.acceptsIdempotencyKey())) {
            headers.put(RateLimiting.RETRY_AFTER, ref("RetryAfter"));
        }
        if (response.status() < 400 && route.acceptsIdempotencyKey()) {
            headers.put(IdempotentRequests.REPLAYED, ref("IdempotentReplayed"));
        }
        result.put("headers", headers);
        if (response.hasBody()) {
            result.put("content", Map.of(response.mediaType(),
                    media(schemas.responseSchemaOf(response.body()), response.example())));
        }
        return result;
    }
}
