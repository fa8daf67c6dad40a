package dev.coachkit.adapters.http.shared;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP operation described as data. The server registers its handler with Javalin and the
 * OpenAPI document is generated from the same record, so the two cannot drift apart.
 *
 * <p>Routes require a bearer token unless built with {@link Builder#publicAccess()}. Every POST honours
 * {@code Idempotency-Key}.
 */
public record ApiRoute(
        HttpMethod method,
        String path,
        String operationId,
        String summary,
        String tag,
        boolean authenticated,
        Class<?> requestBody,
        Object requestExample,
        String requestMediaType,
        List<ApiParameter> parameters,
        List<ApiResponse> responses,
        Handler handler) {

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~{}-]+)+|/");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(requestMediaType, "requestMediaType");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("route path must look like /spaces/{id}, got " + path);
        }
        if (operationId == null || !OPERATION_ID.matcher(operationId).matches()) {
            throw new IllegalArgumentException(method + " " + path + " needs a camelCase operationId");
        }
        parameters = List.copyOf(parameters);
        responses = List.copyOf(responses);
        if (responses.stream().noneMatch(r -> r.status() < 400)) {
            throw new IllegalArgumentException(method + " " + path + " documents no success response");
        }
        if (requestBody != null && (method == HttpMethod.GET || method == HttpMethod.HEAD
                || method == HttpMethod.DELETE)) {
            throw new IllegalArgumentException(method + " " + path + " cannot take a request body");
        }
        if (requestExample != null && (requestBody == null || !requestBody.isInstance(requestExample))) {
            throw new IllegalArgumentException(method + " " + path + ": the request example must be a " + requestBody);
        }
    }

    public static Builder get(String path) {
        return new Builder(HttpMethod.GET, path);
    }

    /** The headers a GET of the same path would answer, without its body (blob URLs: type and length). */
    public static Builder head(String path) {
        return new Builder(HttpMethod.HEAD, path);
    }

    public static Builder post(String path) {
        return new Builder(HttpMethod.POST, path);
    }

    public static Builder put(String path) {
        return new Builder(HttpMethod.PUT, path);
    }

    public static Builder patch(String path) {
        return new Builder(HttpMethod.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(HttpMethod.DELETE, path);
    }

    /** {@code GET /spaces/{id}}: how the route appears in logs, metrics and duplicate checks. */
    public String key() {
        return method + " " + path;
    }

    /**
     * Whether a retry carrying the same {@code Idempotency-Key} replays this route's stored response:
     * every POST (stored answers are sealed, so those holding tokens are safe to keep).
     */
    public boolean acceptsIdempotencyKey() {
        return method == HttpMethod.POST;
    }

    /** The same route served by another handler (the server wraps handlers in cross-cutting steps). */
    public ApiRoute withHandler(Handler other) {
        return new ApiRoute(method, path, operationId, summary, tag, authenticated, requestBody,
                requestExample, requestMediaType, parameters, responses, other);
    }

    /** Names of the {@code {parameters}} in the path template, in order. */
    public List<String> pathParameterNames() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The declared responses plus the errors the infrastructure can answer for this kind of route
     * (bad input, missing token, stalled or oversized body, wrong content type, rate limit, server failure).
     * Every route reads its query string, if only to refuse one that is not well-formed: every route has a 400.
     */
    public List<ApiResponse> documentedResponses() {
        TreeMap<Integer, ApiResponse> all = new TreeMap<>();
        responses.forEach(r -> all.put(r.status(), r));
        all.putIfAbsent(400, ApiResponse.problem(400, "Malformed or invalid input, or a query string that is not "
                + "well-formed percent-encoded UTF-8; `errors` names each field"));
        if (authenticated) {
            all.putIfAbsent(401, ApiResponse.problem(401, "Missing, invalid or expired access token"));
        }
        if (acceptsIdempotencyKey()) {
            all.merge(409, ApiResponse.problem(409, "A request with the same Idempotency-Key is still running;"
                    + " retry after Retry-After seconds"), ApiRoute::either);
            all.merge(422, ApiResponse.problem(422, "The Idempotency-Key was used for a different request"),
                    ApiRoute::either);
        }
        if (requestBody != null) {
            all.putIfAbsent(408, ApiResponse.problem(408, "The request body stopped arriving before it was complete"));
            all.putIfAbsent(413, ApiResponse.problem(413, "Request body larger than the server accepts"));
            all.putIfAbsent(415, ApiResponse.problem(415, "Request body is not " + requestMediaType));
        }
        all.putIfAbsent(429, ApiResponse.problem(429, "Rate limit exceeded; retry after Retry-After seconds"));
        all.putIfAbsent(500, ApiResponse.problem(500, "Unexpected server failure"));
        // any route may need a dependency that is briefly unreachable (Redis, storage) or hashing capacity
        all.putIfAbsent(503, ApiResponse.problem(503, "Temporarily unavailable; retry after Retry-After seconds"));
        return List.copyOf(all.values());
    }

    private static ApiResponse either(ApiResponse declared, ApiResponse alternative) {
        return new ApiResponse(declared.status(), declared.description() + "; or: " + alternative.description(),
                declared.mediaType(), declared.body(), declared.example());
    }

    /** Collects a route's description; {@link #handle(Handler)} finishes it. */
    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private String operationId;
        private String summary = "";
        private String tag = "default";
        private boolean authenticated = true;
        private Class<?> requestBody;
        private Object requestExample;
        private String requestMediaType = ApiResponse.JSON;
        private final List<ApiParameter> parameters = new ArrayList<>();
        private final List<ApiResponse> responses = new ArrayList<>();

        private Builder(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** Answers without a bearer token (auth, operations and docs endpoints only). */
        public Builder publicAccess() {
            this.authenticated = false;
            return this;
        }

        /** The JSON request body, a record validated with jakarta.validation annotations. */
        public Builder body(Class<?> requestBody) {
            this.requestBody = requestBody;
            return this;
        }

        /** The JSON request body and an example of it, which the build checks against the body's schema. */
        public <T> Builder body(Class<T> requestBody, T example) {
            this.requestExample = example;
            return body(requestBody);
        }

        /**
         * A request body of another media type ({@code application/x-www-form-urlencoded} for an HTML form),
         * its fields described by {@code fields}; the handler reads it itself.
         */
        public Builder body(String mediaType, Class<?> fields) {
            this.requestMediaType = mediaType;
            return body(fields);
        }

        public Builder parameter(ApiParameter parameter) {
            parameters.add(parameter);
            return this;
        }

        public Builder responds(ApiResponse response) {
            responses.add(response);
            return this;
        }

        public Builder json(int status, String description, Class<?> body) {
            return responds(ApiResponse.json(status, description, body));
        }

        public <T> Builder json(int status, String description, Class<T> body, T example) {
            return responds(ApiResponse.json(status, description, body).withExample(example));
        }

        /** Error statuses this route answers besides the ones every route of its kind can give. */
        public Builder errors(int... statuses) {
            for (int status : statuses) {
                responds(ApiResponse.problem(status, ProblemType.forStatus(status).title()));
            }
            return this;
        }

        public ApiRoute handle(Handler handler) {
            return new ApiRoute(method, path, operationId, summary, tag, authenticated, requestBody, requestExample,
                    requestMediaType,
                    parameters, responses, handler);
        }
    }
}
