package dev.coachkit.adapters.http.shared;

import io.javalin.websocket.WsConfig;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A WebSocket endpoint a {@link RouteModule} serves. Upgrade requests reach it; a plain request to the
 * same path reaches the module's documented {@link ApiRoute}, which describes the endpoint in
 * {@code /openapi.json} and answers that an upgrade is required.
 */
public record WebSocketEndpoint(String path, Consumer<WsConfig> handlers) {

    public WebSocketEndpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handlers, "handlers");
    }
}
