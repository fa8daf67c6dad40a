package dev.coachkit.adapters.http.shared;

import java.util.List;

/**
 * A group of routes the server registers and documents, usually one bounded context. A feature adds
 * its endpoints by handing a module to the server builder.
 */
@FunctionalInterface
public interface RouteModule {

    List<ApiRoute> routes();

    /** Its WebSocket endpoints, if any; each also has a documented route for the same path. */
    default List<WebSocketEndpoint> webSockets() {
        return List.of();
    }

    /** Called as the server begins to stop, before it waits for requests in flight: long-lived ones end here. */
    default void stopping() {}
}
