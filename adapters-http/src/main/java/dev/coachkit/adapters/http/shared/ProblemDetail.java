package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The RFC 9457 {@code application/problem+json} body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(
        @NotNull String type,
        @NotNull String title,
        int status,
        @NotNull String detail,
        String instance,
        @NotNull String requestId,
        List<FieldError> errors) {

    /** One invalid field of the request and why; {@code field} is a path such as {@code slots[0].startTime}. */
    public record FieldError(@NotNull String field, @NotNull String message) {}

    public static ProblemDetail of(ProblemType type, String detail, String instance, String requestId) {
        return new ProblemDetail(type.type(), type.title(), type.status(), detail, instance, requestId, null);
    }

    public ProblemDetail withErrors(List<FieldError> fieldErrors) {
        return new ProblemDetail(type, title, status, detail, instance, requestId, List.copyOf(fieldErrors));
    }
}
