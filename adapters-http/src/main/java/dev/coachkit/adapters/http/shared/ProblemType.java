package dev.coachkit.adapters.http.shared;

import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The kinds of problem the API reports (RFC 9457 {@code type} and {@code title}). Clients branch on
 * {@code type} or {@code status}; the titles are stable, the details vary per occurrence.
 */
public record ProblemType(String type, int status, String title) {

    private static final String BASE = "https://coachkit.dev/problems/";

    public static final ProblemType MALFORMED_REQUEST = of("malformed-request", 400, "Malformed request");
    public static final ProblemType INVALID_INPUT = of("invalid-input", 400, "Invalid input");
    public static final ProblemType UNAUTHORIZED = of("unauthorized", 401, "Authentication required");
    public static final ProblemType PAYMENT_REQUIRED = of("payment-required", 402, "Payment required");
    public static final ProblemType FORBIDDEN = of("forbidden", 403, "Permission denied");
    public static final ProblemType NOT_FOUND = of("not-found", 404, "Resource not found");
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType CONFLICT = of("conflict", 409, "Conflict with the current state");
    public static final ProblemType CONTENT_TOO_LARGE = of("content-too-large", 413, "Request body too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType BUSINESS_RULE = of("business-rule", 422, "Business rule violated");
    public static final ProblemType TOO_MANY_REQUESTS = of("too-many-requests", 429, "Too many requests");
    public static final ProblemType INTERNAL_ERROR = of("internal-error", 500, "Internal server error");
    public static final ProblemType UNAVAILABLE = of("unavailable", 503, "Service unavailable");

    private static final List<ProblemType> KNOWN = List.of(MALFORMED_REQUEST, UNAUTHORIZED, PAYMENT_REQUIRED, FORBIDDEN,
            NOT_FOUND,
            METHOD_NOT_ALLOWED, CONFLICT, CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, BUSINESS_RULE, TOO_MANY_REQUESTS,
            INTERNAL_ERROR, UNAVAILABLE);

    public ProblemType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
    }

    private static ProblemType of(String slug, int status, String title) {
        return new ProblemType(BASE + slug, status, title);
    }

    /** Our type for a status; statuses we have no type for use RFC 9457's {@code about:blank}. */
    public static ProblemType forStatus(int status) {
        return KNOWN.stream()
                .filter(t -> t.status == status)
                .findFirst()
                .orElseGet(() -> new ProblemType("about:blank", status, HttpStatus.getMessage(status)));
    }
}
