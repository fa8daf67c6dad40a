package dev.coachkit.adapters.http.shared;

import io.javalin.http.HandlerType;

/** The HTTP methods an {@link ApiRoute} can answer. */
public enum HttpMethod {
    GET(HandlerType.GET),
    HEAD(HandlerType.HEAD),
    POST(HandlerType.POST),
    PUT(HandlerType.PUT),
    PATCH(HandlerType.PATCH),
    DELETE(HandlerType.DELETE);

    private final HandlerType handlerType;

    HttpMethod(HandlerType handlerType) {
        this.handlerType = handlerType;
    }

    /** The Javalin handler type that registers this method. */
    public HandlerType handlerType() {
        return handlerType;
    }
}
