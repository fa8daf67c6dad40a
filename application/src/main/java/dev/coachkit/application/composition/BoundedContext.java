package dev.coachkit.application.composition;

import dev.coachkit.application.events.EventType;
import java.util.List;

/**
 * One bounded context as the core assembles it: the out ports it needs, the event types it defines, and
 * how its use cases (the module, {@code M}) are built from the adapters, registering its consumers on
 * the way. The builder assembles the contexts in order, so a context may use the modules of those
 * before it; a host adds contexts of its own with {@code CoachKitBuilder.context(...)}.
 */
public interface BoundedContext<M> {

    /** The class of the module {@link #assemble} returns, by which {@code CoachKit.module(...)} finds it. */
    Class<M> moduleType();

    /** Every out port {@link #assemble} asks for; {@code build()} names those left without an adapter. */
    List<Class<?>> ports();

    /** The event types it records; each registered once, under a name no other context uses. */
    default List<EventType<?>> eventTypes() {
        return List.of();
    }

    M assemble(Assembly assembly);
}
