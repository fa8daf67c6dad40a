package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import org.slf4j.MDC;

/**
 * The event's tenant and id in the MDC while it is handled, so every line its consumers log can be
 * traced to it; closing clears them, so the worker's next event is not logged under this one.
 */
final class EventLogging implements AutoCloseable {

    static final String TENANT_KEY = "tenantId";
    static final String EVENT_KEY = "eventId";

    private EventLogging() {}

    static EventLogging about(EventEnvelope event) {
        MDC.put(TENANT_KEY, event.tenantId().value().toString());
        MDC.put(EVENT_KEY, event.id().toString());
        return new EventLogging();
    }

    @Override
    public void close() {
        MDC.remove(TENANT_KEY);
        MDC.remove(EVENT_KEY);
    }
}
