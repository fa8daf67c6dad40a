package dev.coachkit.adapters.http.idempotency;

import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RequestIds;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.InProgress;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Mismatch;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Outcome;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Proceed;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Replay;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Request;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Ticket;
import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase.Response;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on the routes that {@link ApiRoute#acceptsIdempotencyKey() accept it}: the
 * first response below 500 that the handler produces is stored and replayed to retries of the same
 * request. A failure (an exception, which becomes a problem response, or a 5xx) frees the key, so a
 * retry runs the request again; a rejected request changed nothing, as each use case is atomic.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** Set to {@code true} on a response replayed from the store rather than produced now. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** What {@code /openapi.json} says of the header on a route that needs a token. */
    public static final String DESCRIPTION = "Client-chosen key (1-255 printable ASCII characters; a UUID is best)"
            + " that makes a retry safe: the first response is stored, sealed, for 24 hours per caller and replayed,"
            + " with " + REPLAYED + ": true, to a retry of the same request (method, path and body)";
    /** What {@code /openapi.json} says of the header on a route that needs no token. */
    public static final String ANONYMOUS_DESCRIPTION = "Client-chosen key (16-255 printable ASCII characters, as"
            + " keys sent without a token share one namespace: use a UUID) that makes a retry safe: the first"
            + " response is stored, sealed, for 24 hours and replayed, with " + REPLAYED + ": true, to a retry of"
            + " the same request (method, path, body and Authorization header)";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final String IN_PROGRESS_RETRY_SECONDS = "1";

    private final IdempotentRequestUseCase requests;

    public IdempotentRequests(IdempotentRequestUseCase requests) {
        this.requests = requests;
    }

    /** The route itself when it ignores the header, else the route with its handler behind the key. */
    public ApiRoute wrap(ApiRoute route) {
        if (!route.acceptsIdempotencyKey()) {
            return route;
        }
        Handler handler = route.handler();
        boolean authenticated = route.authenticated();
        return route.withHandler(ctx -> handle(ctx, handler, authenticated));
    }

    private void handle(Context ctx, Handler handler, boolean authenticated) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            handler.handle(ctx);
            return;
        }
        Outcome outcome = requests.begin(request(ctx, key, authenticated));
        if (outcome instanceof Replay replay) {
            replay(ctx, replay.response());
        } else if (outcome instanceof Proceed proceed) {
            run(ctx, handler, proceed.ticket());
        } else if (outcome instanceof Mismatch) {
            throw new BusinessRuleException("This Idempotency-Key was used for a different request (method, path"
                    + " or body); use a new key for new work.");
        } else if (outcome instanceof InProgress) {
            ctx.header("Retry-After", IN_PROGRESS_RETRY_SECONDS);
            throw new ConflictException("A request with this Idempotency-Key is still running; retry shortly to"
                    + " receive its response.");
        }
    }

    /**
     * A public route's request is anonymous even with a bearer token (an account accepting an
     * invitation): the token is checked by the handler, and until then it is only part of the request.
     */
    private static Request request(Context ctx, String key, boolean authenticated) {
        String target = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        if (authenticated) {
            return Request.of(Authenticated.actor(ctx), key, ctx.method().name(), target, ctx.bodyAsBytes());
        }
        String credentials = Objects.requireNonNullElse(ctx.header(Header.AUTHORIZATION), "");
        return Request.anonymous(key, ctx.method().name(), target, credentials, ctx.bodyAsBytes());
    }

    private static void replay(Context ctx, Response stored) {
        ctx.status(stored.status());
        if (stored.contentType() != null) {
            ctx.contentType(stored.contentType());
        }
        ctx.header(REPLAYED, "true");
        ctx.result(stored.body());
    }

    private void run(Context ctx, Handler handler, Ticket ticket) throws Exception {
        try {
            handler.handle(ctx);
        } catch (Exception | Error failure) {
            abandon(ticket, failure);
            throw failure;
        }
        if (ctx.statusCode() >= 500) {
            abandon(ticket, null);
            return;
        }
        Response response = new Response(ctx.statusCode(), ctx.res().getContentType(), takeBody(ctx));
        try {
            requests.finish(ticket, response);
        } catch (RuntimeException e) {
            // the work is done and the client gets its answer; only a retry after the lease could repeat it
            LOG.warn("could not store the response under an Idempotency-Key (requestId={})", RequestIds.of(ctx), e);
        }
    }

    /** The result bytes, put back so the response still carries them. */
    private static byte[] takeBody(Context ctx) throws IOException {
        InputStream result = ctx.resultInputStream();
        if (result == null) {
            return new byte[0];
        }
        byte[] body = result.readAllBytes();
        ctx.result(body);
        return body;
    }

    private void abandon(Ticket ticket, Throwable failure) {
        try {
            requests.abandon(ticket);
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("could not free an Idempotency-Key after a failed request", e);
            }
        }
    }
}
