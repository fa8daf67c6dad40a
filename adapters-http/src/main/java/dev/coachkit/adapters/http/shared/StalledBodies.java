package dev.coachkit.adapters.http.shared;

import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * A request whose body stops arriving is cut off by the idle timeout while its handler reads it. Javalin
 * answers that itself with an empty text/plain 408, past every exception handler; this turns it into a
 * problem like every other error, wherever the body is read (JSON, an idempotent request, a blob upload).
 */
public final class StalledBodies {

    private StalledBodies() {}

    public static Handler answerAsProblem(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                if (isReadTimeout(e)) {
                    throw new HttpResponseException(408, "The request body stopped arriving before it was complete.");
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
}
