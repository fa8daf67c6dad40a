package dev.coachkit.adapters.http.testing;

import dev.coachkit.adapters.http.security.Authenticated;
import dev.coachkit.adapters.http.security.ClientIp;
import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.shared.RouteModule;
import dev.coachkit.application.identity.port.in.AuthenticateUseCase.Caller;
import java.util.List;

/** Test-only routes that echo what the security steps established: the caller and the client address. */
public final class WhoAmIRoutes implements RouteModule {

    /** The caller as the handler saw it; {@code accountId} is null when nobody is signed in. */
    public record WhoAmI(String accountId, String tenantId, String role, String clientIp) {

        static WhoAmI of(Caller caller, String clientIp) {
            return caller == null ? new WhoAmI(null, null, null, clientIp)
                    : new WhoAmI(caller.actor().accountId().toString(), caller.actor().tenantId().toString(),
                            caller.actor().role().name(), clientIp);
        }
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/test/whoami").operationId("testWhoAmI").tag("Test").summary("Echoes the caller")
                        .json(200, "The caller", WhoAmI.class)
                        .handle(ctx -> ctx.json(WhoAmI.of(Authenticated.caller(ctx), ClientIp.of(ctx).getHostAddress()))),
                ApiRoute.get("/test/public/whoami").operationId("testPublicWhoAmI").tag("Test").publicAccess()
                        .summary("Echoes the caller when there is one")
                        .json(200, "The caller, if any", WhoAmI.class)
                        .handle(ctx -> ctx.json(WhoAmI.of(Authenticated.optionalCaller(ctx).orElse(null),
                                ClientIp.of(ctx).getHostAddress()))),
                ApiRoute.get("/test/public/caller").operationId("testPublicCaller").tag("Test").publicAccess()
                        .summary("Wrongly asks a public route for its caller")
                        .json(200, "Never", WhoAmI.class)
                        .handle(ctx -> ctx.json(WhoAmI.of(Authenticated.caller(ctx), null))));
    }
}
