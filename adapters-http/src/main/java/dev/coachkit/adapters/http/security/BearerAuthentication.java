package dev.coachkit.adapters.http.security;

import dev.coachkit.adapters.http.shared.RequestLogging;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.out.AccessTokenService;
import dev.coachkit.domain.shared.AuthenticationException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code Authorization: Bearer <token>} with the {@link AuthenticateUseCase} and keeps the
 * caller on the request (see {@link Authenticated}). Without a use case every token is refused.
 */
public final class BearerAuthentication {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String MISSING = "This endpoint needs an access token: send Authorization: Bearer <accessToken>.";
    static final String INVALID = AccessTokenService.INVALID_TOKEN;
    // RFC 6750 b64token, bounded so an absurd header is refused before any parsing
    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9\\-._~+/]{1,4096}=*)\\s*");

    private final AuthenticateUseCase authenticate;

    /** @param authenticate verifies tokens; {@code null} refuses all of them */
    public BearerAuthentication(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    /**
     * Authenticates the request or throws; the caller is then available through {@link Authenticated}.
     *
     * @throws AuthenticationException for a missing, malformed, invalid, expired or revoked token
     */
    public Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new AuthenticationException(MISSING);
        }
        Optional<String> token = presentedToken(ctx);
        if (token.isEmpty() || authenticate == null) {
            throw rejected(ctx, new AuthenticationException(INVALID));
        }
        Caller caller;
        try {
            caller = authenticate.authenticate(token.get());
        } catch (AuthenticationException e) {
            throw rejected(ctx, e);
        }
        ctx.attribute(Authenticated.ATTRIBUTE, caller);
        RequestLogging.identify(caller.actor().tenantId(), caller.actor().accountId());
        return caller;
    }

    /** The well-formed bearer token the request presents, if any; whether it is accepted is not checked here. */
    public static Optional<String> presentedToken(Context ctx) {
        String header = ctx.header("Authorization");
        Matcher matcher = header == null ? null : BEARER.matcher(header);
        return matcher != null && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** RFC 6750: a presented token that is refused is an {@code invalid_token}. */
    private static AuthenticationException rejected(Context ctx, AuthenticationException failure) {
        ctx.header(WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return failure;
    }

    /** Makes this checker available to {@link Authenticated#optionalCaller} on public routes. */
    void offer(Context ctx) {
        ctx.attribute(Authenticated.AUTHENTICATION, this);
    }

    static boolean hasCredentials(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && !header.isBlank();
    }
}
