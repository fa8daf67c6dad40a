package dev.coachkit.adapters.http.security;

import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.SecurityHeaders;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.out.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/**
 * The security steps of every request, in order: the security and CORS headers (first, so that every
 * answer carries them, a 429 too), resolve the client address, apply the per-address limits (before
 * routing, so 404s and preflights count too), answer a CORS preflight, then for protected routes
 * authenticate and apply the per-account and per-tenant limits before the route's handler runs.
 */
public final class RequestSecurity {

    private final ClientIp clientIp;
    private final RateLimiting rateLimiting;
    private final BearerAuthentication authentication;
    private final CrossOrigin crossOrigin;

    /**
     * @param authenticate verifies bearer tokens; {@code null} makes every protected route answer 401
     * @param limiter counts requests; {@code null} turns rate limiting off
     * @param corsAllowedOrigins origins whose browser pages may call the API; empty allows none
     */
    public RequestSecurity(List<String> trustedProxies, RateLimitSettings limits, AuthenticateUseCase authenticate,
            RateLimiter limiter, List<String> corsAllowedOrigins) {
        this.clientIp = new ClientIp(trustedProxies);
        this.rateLimiting = new RateLimiting(limiter, limits);
        this.authentication = new BearerAuthentication(authenticate);
        this.crossOrigin = new CrossOrigin(corsAllowedOrigins);
    }

    /** Before-handler for every request; a CORS preflight ends here. */
    public void before(Context ctx) {
        SecurityHeaders.apply(ctx);
        crossOrigin.allow(ctx);
        clientIp.assign(ctx);
        rateLimiting.limitClient(ctx);
        crossOrigin.answerPreflight(ctx);
    }

    /** The route's handler behind authentication and the caller's limits, unless the route is public. */
    public Handler guard(ApiRoute route) {
        Handler handler = route.handler();
        if (!route.authenticated()) {
            return ctx -> {
                authentication.offer(ctx);
                handler.handle(ctx);
            };
        }
        return ctx -> {
            Caller caller = authentication.authenticate(ctx);
            rateLimiting.limitCaller(ctx, caller);
            handler.handle(ctx);
        };
    }
}
