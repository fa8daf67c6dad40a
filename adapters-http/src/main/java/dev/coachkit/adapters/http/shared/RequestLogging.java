package dev.coachkit.adapters.http.shared;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import io.javalin.http.Context;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Who a request's log lines are about, and one access line per request. The caller's tenant and account
 * join the request id in the MDC once a token is verified; the access line names the route template,
 * never the raw path or query, which can carry invitation, calendar or blob-signature tokens.
 */
public final class RequestLogging {

    public static final String TENANT_KEY = "tenantId";
    public static final String ACCOUNT_KEY = "accountId";
    public static final String ACCESS_LOGGER = "dev.coachkit.http.access";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    // scraped and probed every few seconds: at INFO they would drown the requests people make
    private static final Set<String> PROBES = Set.of("/health", "/ready", "/metrics");

    private RequestLogging() {}

    /** Before and after each request: a pooled thread must not log one request under another's caller. */
    public static void forgetCaller() {
        MDC.remove(TENANT_KEY);
        MDC.remove(ACCOUNT_KEY);
    }

    /** Puts the verified caller in the MDC for the rest of the request. */
    public static void identify(TenantId tenant, AccountId account) {
        MDC.put(TENANT_KEY, tenant.value().toString());
        MDC.put(ACCOUNT_KEY, account.value().toString());
    }

    /** Request logger: writes the access line while the MDC still names the request, then clears it. */
    public static void finish(Context ctx, float millis) {
        try {
            String route = HttpMetrics.route(ctx);
            String format = "{} {} {} {} ms";
            Object[] arguments = {ctx.method().name(), route, ctx.statusCode(), Math.round(millis)};
            if (PROBES.contains(route)) {
                ACCESS.debug(format, arguments);
            } else {
                ACCESS.info(format, arguments);
            }
        } finally {
            forgetCaller();
            RequestIds.release();
        }
    }
}
