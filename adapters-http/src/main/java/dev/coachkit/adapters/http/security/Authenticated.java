package dev.coachkit.adapters.http.security;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.domain.shared.Actor;
import io.javalin.http.Context;
import java.util.Optional;

/** The caller that {@link BearerAuthentication} established for a request, for route handlers. */
public final class Authenticated {

    static final String ATTRIBUTE = "coachkit.caller";
    static final String AUTHENTICATION = "coachkit.authentication";

    private Authenticated() {}

    /**
     * The caller of a protected route.
     *
     * @throws IllegalStateException on a public route, where nobody was authenticated (a programming error)
     */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException(ctx.path() + " is public: it has no authenticated caller");
        }
        return caller;
    }

    /** Shorthand for {@code caller(ctx).actor()}, what commands carry. */
    public static Actor actor(Context ctx) {
        return caller(ctx).actor();
    }

    /**
     * On a public route that also serves signed-in callers (invitation acceptance): the caller when the
     * request carries a bearer token, empty when it carries none.
     *
     * @throws dev.coachkit.domain.shared.AuthenticationException when it carries a token that is not accepted
     */
    public static Optional<Caller> optionalCaller(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller != null) {
            return Optional.of(caller);
        }
        BearerAuthentication authentication = ctx.attribute(AUTHENTICATION);
        if (authentication == null || !BearerAuthentication.hasCredentials(ctx)) {
            return Optional.empty();
        }
        return Optional.of(authentication.authenticate(ctx));
    }
}
