package dev.coachkit.adapters.http.shared;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries, set before anything can fail so that errors carry them too. API
 * answers hold tokens and tenant data, so nothing may store them; routes whose answers may be kept (the
 * versioned Swagger UI assets, the calendar feed) set their own {@code Cache-Control} over this default.
 */
public final class SecurityHeaders {

    private static final Map<String, String> HEADERS = headers();

    private SecurityHeaders() {}

    /** Sets them on a response Javalin answers. */
    public static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }

    /** Hands them to a response answered outside Javalin, such as Jetty's own errors. */
    static void forEach(BiConsumer<String, String> header) {
        HEADERS.forEach(header);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        // X-Frame-Options for older browsers, frame-ancestors for the rest; the docs page needs no framing either
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "frame-ancestors 'none'");
        headers.put("Cache-Control", "no-store");
        return Collections.unmodifiableMap(headers);
    }
}
