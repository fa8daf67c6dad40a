package dev.coachkit.adapters.http.shared;

import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body that stops arriving is the client's fault, wherever the body is read (JSON, an idempotent
 * request, a blob upload), and is answered as a problem like every other error:
 * <ul>
 *   <li>one that stalls is cut off by the idle timeout while its handler reads it. Javalin would answer that
 *       itself with an empty text/plain 408, past every exception handler; here it is a 408 problem.
 *   <li>one that ends early (the client closed the connection, or half-closed it, before the declared
 *       {@code Content-Length}) surfaces as Jetty's "Early EOF". Unhandled it is a 500 with an ERROR and a
 *       stack trace, from anyone, unauthenticated; here it is a 400 with {@code Connection: close} (what is
 *       left of the connection cannot carry another request) and one DEBUG line.
 * </ul>
 */
public final class StalledBodies {

    private static final Logger LOG = LoggerFactory.getLogger(StalledBodies.class);

    private StalledBodies() {}

    public static Handler answerAsProblem(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                if (isReadTimeout(e)) {
                    throw new HttpResponseException(408, "The request body stopped arriving before it was complete.");
                }
                if (isEarlyEof(e) && ctx.res().isCommitted()) {
                    // the answer was on its way (a download): nothing can be written any more, and nobody reads it
                    LOG.debug("{} {}: the client closed the connection while the answer was being sent ({})",
                            ctx.method().name(), HttpMetrics.route(ctx), e.getMessage());
                    return;
                }
                if (isEarlyEof(e)) {
                    LOG.debug("{} {}: the client closed the connection before the request was complete ({})",
                            ctx.method().name(), HttpMetrics.route(ctx), e.getMessage());
                    ctx.header("Connection", "close");
                    throw new HttpResponseException(400, "The request body ended before its declared length.");
                }
                throw e;
            }
        };
    }

    /** Jetty's shape of an idle timeout during a blocking read: an IOException caused by a TimeoutException. */
    private static boolean isReadTimeout(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException && t.getCause() instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jetty's shape of a connection the client ended mid-request: its own {@link EofException} (the client's end
     * of the connection, unlike an EOF from storage or any other outbound stream a handler may read). A client
     * gone while a handler writes its answer raises it too; that is no server fault either, and once the answer
     * is committed nothing is written after it.
     */
    private static boolean isEarlyEof(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
