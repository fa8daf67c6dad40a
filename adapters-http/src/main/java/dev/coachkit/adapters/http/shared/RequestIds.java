package dev.coachkit.adapters.http.shared;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is sane, a new UUID otherwise.
 * The id is echoed on the response, attached to every problem and put in the logging MDC.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "coachkit.requestId";
    // ids end up in logs and headers: no spaces, quotes or control characters, bounded length
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** Before-handler: assigns the id for this request. */
    public static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The id of this request; assigns one if the request failed before {@link #assign} ran. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }

    /** Runs when the request is done, so a pooled thread never logs with a previous request's id. */
    public static void release() {
        MDC.remove(MDC_KEY);
    }
}
