package dev.coachkit.adapters.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.application.payments.port.in.PaymentEventNotApplicableException;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.ContentTooLargeException;
import dev.coachkit.domain.shared.DomainException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PaymentRequiredException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.TooManyRequestsException;
import dev.coachkit.domain.shared.UnsupportedContentTypeException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: every exception a request can raise is turned
 * into an RFC 9457 problem here. Only messages written for clients reach the body; anything
 * unexpected is logged with the request id and answered with a generic 500.
 */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    private static final String GENERIC_500 = "The server could not complete the request. Quote the request id when reporting it.";

    private final ObjectMapper mapper;
    private final long maxRequestBodyBytes;

    public ProblemMapper(ObjectMapper mapper, long maxRequestBodyBytes) {
        this.mapper = mapper;
        this.maxRequestBodyBytes = maxRequestBodyBytes;
    }

    public void install(JavalinConfig config) {
        // Javalin pre-registers a handler for HttpResponseException; ours has to replace it explicitly
        config.routes.exception(HttpResponseException.class, this::handle);
        config.routes.exception(Exception.class, this::handle);
        config.router.javaLangErrorHandler(this::handleError);
    }

    private void handle(Exception failure, Context ctx) {
        String requestId = RequestIds.of(ctx);
        ProblemDetail problem = toProblem(failure, ctx, requestId);
        if (failure instanceof DependencyUnavailableException unavailable) {
            // an outage, not a bug: one line per request, the cause's text (hosts) for the operator only
            LOG.warn("{} {}: {} ({}) (requestId={})", ctx.method().name(), routeOf(ctx), unavailable.getMessage(),
                    unavailable.getCause() == null ? "no cause" : unavailable.getCause().getMessage(), requestId);
        } else if (failure instanceof PaymentEventNotApplicableException notYet) {
            LOG.warn("{} {}: {} (requestId={})", ctx.method().name(), routeOf(ctx), notYet.getMessage(), requestId);
        } else if (problem.status() >= 500) {
            LOG.error("{} {} failed (requestId={})", ctx.method().name(), routeOf(ctx), requestId, failure);
        }
        if (problem.status() == 503) {
            ctx.header("Retry-After", "1"); // overload is brief: the client may retry at once
        }
        if (failure instanceof DependencyUnavailableException unavailable) {
            ctx.header("Retry-After", Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
        }
        if (failure instanceof TooManyRequestsException limited) {
            long seconds = limited.retryAfter().getSeconds() + (limited.retryAfter().getNano() > 0 ? 1 : 0);
            ctx.header("Retry-After", Long.toString(Math.max(1, seconds)));
        }
        if (failure instanceof MethodNotAllowedResponse notAllowed) {
            // Javalin's only detail is the comma-separated method list (keyed differently for browsers)
            notAllowed.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
        }
        if (problem.status() == 401 && ctx.res().getHeader(WWW_AUTHENTICATE) == null) {
            ctx.header(WWW_AUTHENTICATE, "Bearer"); // RFC 9110: a 401 names the scheme that would work
        }
        ctx.status(problem.status()).contentType(ApiResponse.PROBLEM_JSON).result(serialize(problem));
    }

    /**
     * The matched route template ({@code /invitations/{acceptToken}/accept}), never the raw path,
     * which can carry a secret such as an invitation token.
     */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noRouteMatched) {
            return "(no route)";
        }
    }

    private ProblemDetail toProblem(Exception failure, Context ctx, String requestId) {
        String instance = ctx.path();
        if (failure instanceof InvalidInputException invalid) {
            List<ProblemDetail.FieldError> errors = invalid.errors().stream()
                    .map(e -> new ProblemDetail.FieldError(e.field(), e.message()))
                    .toList();
            return ProblemDetail.of(ProblemType.INVALID_INPUT, "The request has invalid fields; see errors.", instance, requestId)
                    .withErrors(errors);
        }
        if (failure instanceof MalformedBodyException malformed) {
            ProblemDetail problem = ProblemDetail.of(ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid JSON for this endpoint.", instance, requestId);
            return malformed.field()
                    .map(field -> problem.withErrors(List.of(new ProblemDetail.FieldError(field, malformed.message()))))
                    .orElse(problem);
        }
        if (failure instanceof DependencyUnavailableException unavailable) {
            return ProblemDetail.of(ProblemType.UNAVAILABLE, unavailable.getMessage(), instance, requestId);
        }
        if (failure instanceof PaymentEventNotApplicableException notYet) {
            // the provider retries a callback answered 5xx: nothing is lost while its order is unknown
            return ProblemDetail.of(ProblemType.UNAVAILABLE, notYet.getMessage(), instance, requestId);
        }
        if (failure instanceof DomainException domain) {
            return ProblemDetail.of(domainType(domain), domain.getMessage(), instance, requestId);
        }
        if (failure instanceof HttpResponseException http) {
            return fromHttp(http, ctx, requestId);
        }
        return ProblemDetail.of(ProblemType.INTERNAL_ERROR, GENERIC_500, instance, requestId);
    }

    private static ProblemType domainType(DomainException failure) {
        if (failure instanceof AuthenticationException) {
            return ProblemType.UNAUTHORIZED;
        }
        if (failure instanceof NotFoundException) {
            return ProblemType.NOT_FOUND;
        }
        if (failure instanceof ConflictException) {
            return ProblemType.CONFLICT;
        }
        if (failure instanceof PermissionDeniedException) {
            return ProblemType.FORBIDDEN;
        }
        if (failure instanceof PaymentRequiredException) {
            return ProblemType.PAYMENT_REQUIRED;
        }
        if (failure instanceof BusinessRuleException) {
            return ProblemType.BUSINESS_RULE;
        }
        if (failure instanceof TooManyRequestsException) {
            return ProblemType.TOO_MANY_REQUESTS;
        }
        if (failure instanceof ContentTooLargeException) {
            return ProblemType.CONTENT_TOO_LARGE;
        }
        if (failure instanceof UnsupportedContentTypeException) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE;
        }
        return ProblemType.BUSINESS_RULE; // a domain error is by definition a rejected business outcome
    }

    private ProblemDetail fromHttp(HttpResponseException failure, Context ctx, String requestId) {
        int status = failure.getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String request = ctx.method().name() + " " + ctx.path();
        String detail;
        if (failure instanceof EndpointNotFound || status == 404) {
            detail = "Nothing answers " + request + ".";
        } else if (status == 405) {
            detail = "The method is not allowed for " + ctx.path() + ".";
        } else if (status == 413) {
            detail = "The request body is larger than " + maxRequestBodyBytes + " bytes.";
        } else if (status >= 500) {
            detail = GENERIC_500;
        } else {
            // 4xx messages are thrown by our own code or Javalin's request checks: written for clients
            detail = failure.getMessage() == null || failure.getMessage().isBlank() ? type.title() : failure.getMessage();
        }
        return ProblemDetail.of(type, detail, ctx.path(), requestId);
    }

    /** Errors (not exceptions) bypass Javalin's context; answer them directly, still as a problem. */
    private void handleError(HttpServletResponse response, Error error) {
        LOG.error("request failed with an error", error);
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = ProblemDetail.of(ProblemType.INTERNAL_ERROR, GENERIC_500, null,
                response.getHeader(RequestIds.HEADER) == null ? "unknown" : response.getHeader(RequestIds.HEADER));
        try {
            response.setStatus(500);
            response.setContentType(ApiResponse.PROBLEM_JSON);
            response.getOutputStream().write(serialize(problem));
        } catch (IOException e) {
            LOG.debug("could not write the error response", e);
        }
    }

    private byte[] serialize(ProblemDetail problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for this record; keep the response well-formed regardless
            return ("{\"status\":" + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
