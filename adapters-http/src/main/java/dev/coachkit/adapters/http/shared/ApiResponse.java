package dev.coachkit.adapters.http.shared;

import java.util.Objects;

/**
 * One documented response of an {@link ApiRoute}: status, description and, when it has a body,
 * its media type, the Java type the body is written from ({@code String} for plain text) and
 * optionally an example of that type, written into the document as the server would write it.
 */
public record ApiResponse(int status, String description, String mediaType, Class<?> body, Object example) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(description, "description");
        if ((mediaType == null) != (body == null)) {
            throw new IllegalArgumentException("a response body needs both a media type and a type");
        }
        if (example != null && (body == null || !body.isInstance(example))) {
            throw new IllegalArgumentException("the example of a " + status + " response must be a " + body);
        }
    }

    public ApiResponse(int status, String description, String mediaType, Class<?> body) {
        this(status, description, mediaType, body, null);
    }

    /** The same response with an example body, which the build checks against the body's schema. */
    public ApiResponse withExample(Object example) {
        return new ApiResponse(status, description, mediaType, body, example);
    }

    public static ApiResponse json(int status, String description, Class<?> body) {
        return new ApiResponse(status, description, JSON, Objects.requireNonNull(body, "body"));
    }

    /** A body that is not JSON (Prometheus text, HTML), described as a string. */
    public static ApiResponse content(int status, String description, String mediaType) {
        return new ApiResponse(status, description, Objects.requireNonNull(mediaType, "mediaType"), String.class);
    }

    public static ApiResponse empty(int status, String description) {
        return new ApiResponse(status, description, null, null);
    }

    /** An RFC 9457 problem; every error response of the API has this shape. */
    public static ApiResponse problem(int status, String description) {
        return new ApiResponse(status, description, PROBLEM_JSON, ProblemDetail.class);
    }

    public boolean hasBody() {
        return body != null;
    }
}
