package dev.coachkit.adapters.http.security;

import dev.coachkit.adapters.http.shared.RequestIds;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for an exact allow-list of origins. Javalin's bundled plugin echoes whatever methods and headers a
 * preflight asks for and cannot refuse a preflight; this answers fixed lists and refuses other origins with
 * 403. Bearer tokens are not cookies, so credentials are never allowed. With no origins it does nothing at
 * all: no CORS header on any response, every preflight refused.
 */
public final class CrossOrigin {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    // the idempotency headers by name: the idempotency package already depends on this one
    static final String ALLOWED_HEADERS = String.join(", ", "Authorization", "Content-Type", "Idempotency-Key",
            RequestIds.HEADER);
    static final String EXPOSED_HEADERS = String.join(", ", RequestIds.HEADER, RateLimiting.LIMIT,
            RateLimiting.REMAINING, RateLimiting.RESET, RateLimiting.RETRY_AFTER,
            BearerAuthentication.WWW_AUTHENTICATE, "Idempotent-Replayed");
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final String REFUSED = "This origin may not call the API from a browser.";
    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";

    private final Set<String> allowed;

    /** @param allowedOrigins origins as {@link #origin} accepts them */
    public CrossOrigin(List<String> allowedOrigins) {
        this.allowed = Set.copyOf(allowedOrigins.stream().map(CrossOrigin::origin).toList());
    }

    /**
     * Checks an origin as configured and returns it as browsers send it in {@code Origin}: the scheme and
     * host in lower case, the port only when it is not the scheme's default.
     *
     * @throws IllegalArgumentException unless it is {@code http(s)://host[:port]} without path, query or user
     */
    public static String origin(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException notAUri) {
            throw notAnOrigin();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw notAnOrigin();
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }

    /** Before-handler step: the CORS headers of an allowed origin, and {@code Vary} whenever CORS is on. */
    void allow(Context ctx) {
        if (allowed.isEmpty()) {
            return;
        }
        // the answer depends on Origin even when it carries no CORS header, so caches must keep them apart
        ctx.res().addHeader("Vary", ORIGIN);
        String origin = ctx.header(ORIGIN);
        if (origin == null || !allowed.contains(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        if (!isPreflight(ctx)) {
            ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    /**
     * Before-handler step after the client's rate limit: answers a preflight with 204 and skips routing, or
     * refuses it.
     *
     * @throws ForbiddenResponse for a preflight from an origin that is not allowed
     */
    void answerPreflight(Context ctx) {
        if (!isPreflight(ctx)) {
            return;
        }
        if (!allowed.contains(ctx.header(ORIGIN))) {
            throw new ForbiddenResponse(REFUSED);
        }
        ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        ctx.header("Access-Control-Max-Age", Long.toString(MAX_AGE.toSeconds()));
        ctx.status(204).skipRemainingHandlers();
    }

    private static boolean isPreflight(Context ctx) {
        return ctx.method() == HandlerType.OPTIONS && ctx.header(ORIGIN) != null && ctx.header(REQUEST_METHOD) != null;
    }

    private static IllegalArgumentException notAnOrigin() {
        return new IllegalArgumentException(
                "each origin must be scheme://host[:port] such as https://app.example.com, with no path");
    }
}
