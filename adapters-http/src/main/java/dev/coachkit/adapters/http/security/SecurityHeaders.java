package dev.coachkit.adapters.http.security;

import io.javalin.http.Context;

/**
 * The headers every response carries, set before anything can fail so that errors carry them too. API
 * answers hold tokens and tenant data, so nothing may store them; routes whose answers may be kept (the
 * versioned Swagger UI assets, the calendar feed) set their own {@code Cache-Control} over this default.
 */
public final class SecurityHeaders {

    static final String NO_SNIFF = "nosniff";
    static final String NO_REFERRER = "no-referrer";
    static final String DENY = "DENY";
    static final String NO_FRAMING = "frame-ancestors 'none'";
    static final String NO_STORE = "no-store";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", NO_SNIFF);
        ctx.header("Referrer-Policy", NO_REFERRER);
        // X-Frame-Options for older browsers, frame-ancestors for the rest; the docs page needs no framing either
        ctx.header("X-Frame-Options", DENY);
        ctx.header("Content-Security-Policy", NO_FRAMING);
        ctx.header("Cache-Control", NO_STORE);
    }
}
