package dev.coachkit.adapters.http.security;

import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import dev.coachkit.application.identity.port.out.RateLimiter;
import dev.coachkit.application.identity.port.out.RateLimiter.Charge;
import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import dev.coachkit.domain.identity.RateLimitDecision;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@link RateLimitSettings} through the {@link RateLimiter} port: by client address before
 * routing, by account and tenant once the caller is known. Writes {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} for the most restrictive limit and answers
 * 429 with {@code Retry-After} (whole seconds, rounded up). Without a limiter it does nothing.
 */
public final class RateLimiting {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    private static final String ATTRIBUTE = "coachkit.rateLimit";
    /** Where credentials are guessed: the strict per-address limit applies here, not to all of /auth. */
    private static final Set<String> CREDENTIAL_PATHS = Set.of("/auth/register", "/auth/login", "/auth/refresh",
            "/auth/me/password", "/auth/password-reset", "/auth/password-reset/confirm", "/auth/verify-email");
    /** Probes and scrapers must answer even when the limiter's store is down. */
    private static final Set<String> UNLIMITED_PATHS = Set.of("/health", "/ready", "/metrics");
    private static final Logger LOG = LoggerFactory.getLogger(RateLimiting.class);

    private final RateLimiter limiter;
    private final RateLimitSettings settings;

    /** @param limiter the store of counters; {@code null} turns limiting off */
    public RateLimiting(RateLimiter limiter, RateLimitSettings settings) {
        this.limiter = limiter;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Before-handler, after {@link ClientIp#assign}: the per-address limits. */
    public void limitClient(Context ctx) {
        if (limiter == null || UNLIMITED_PATHS.contains(ctx.path())) {
            return;
        }
        String address = IpAddresses.limitKey(ClientIp.of(ctx));
        String path = ctx.path();
        boolean credentials = CREDENTIAL_PATHS.contains(path) || path.startsWith("/invitations/");
        Charge perAddress = new Charge("ip:" + address, settings.perClientIp());
        List<Charge> charges = credentials
                ? List.of(perAddress, new Charge("auth-ip:" + address, settings.perClientIpOnAuth())) : List.of(perAddress);
        charge(ctx, charges, credentials);
    }

    /** After authentication: the per-account and per-tenant limits, in one call of the limiter. */
    public void limitCaller(Context ctx, Caller caller) {
        if (limiter == null) {
            return;
        }
        List<Charge> charges = List.of(new Charge("account:" + caller.actor().accountId(), settings.perAccount()),
                new Charge("tenant:" + caller.actor().tenantId(), settings.perTenant()));
        charge(ctx, charges, false);
    }

    private void charge(Context ctx, List<Charge> charges, boolean failClosed) {
        decide(charges, failClosed).forEach(decision -> enforce(ctx, decision));
    }

    /**
     * When the limiter's store (Redis) is unreachable, fails open — the request goes through unlimited
     * and a warning is logged, so an outage of the limiter does not become an outage of the API — except
     * where credentials are tried ({@code failClosed}): unlimited, those would invite guessing, so they
     * answer 503 with {@code Retry-After} until the store is back.
     */
    private List<RateLimitDecision> decide(List<Charge> charges, boolean failClosed) {
        try {
            return limiter.acquireInTurn(charges);
        } catch (RuntimeException unavailable) {
            if (failClosed) {
                throw unavailable instanceof DependencyUnavailableException known ? known
                        : new DependencyUnavailableException("rate limiting",
                                DependencyUnavailableException.DEFAULT_RETRY_AFTER, unavailable);
            }
            LOG.warn("rate limiter unavailable, not limiting: {}", unavailable.toString());
            return List.of();
        }
    }

    /** Shows the most restrictive decision so far in the headers; a refusal answers 429. */
    private static void enforce(Context ctx, RateLimitDecision decision) {
        RateLimitDecision shown = ctx.attribute(ATTRIBUTE);
        if (shown == null || moreRestrictive(decision, shown)) {
            shown = decision;
            ctx.attribute(ATTRIBUTE, shown);
            ctx.header(LIMIT, Integer.toString(shown.limit()));
            ctx.header(REMAINING, Integer.toString(shown.remaining()));
            ctx.header(RESET, Long.toString(seconds(shown.reset())));
        }
        if (!decision.allowed()) {
            long retryAfter = Math.max(1, seconds(decision.retryAfter()));
            ctx.header(RETRY_AFTER, Long.toString(retryAfter));
            throw new HttpResponseException(429, "Too many requests; retry in " + retryAfter + " seconds.");
        }
    }

    private static boolean moreRestrictive(RateLimitDecision candidate, RateLimitDecision current) {
        if (candidate.allowed() != current.allowed()) {
            return !candidate.allowed();
        }
        if (candidate.remaining() != current.remaining()) {
            return candidate.remaining() < current.remaining();
        }
        return candidate.reset().compareTo(current.reset()) > 0;
    }

    /** Whole seconds, rounded up, as the headers carry them. */
    private static long seconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
