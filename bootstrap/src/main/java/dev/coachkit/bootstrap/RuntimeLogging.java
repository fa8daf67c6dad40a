package dev.coachkit.bootstrap;

import dev.coachkit.application.events.RuntimeMonitor;
import dev.coachkit.application.events.envelope.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server's log of the core's event runtime: parked events at ERROR and each in-process handling
 * with the event's tenant and id in the MDC, so every line its consumers log can be traced to it.
 */
final class RuntimeLogging implements RuntimeMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeLogging.class);
    private static final String TENANT_KEY = "tenantId";
    private static final String EVENT_KEY = "eventId";

    @Override
    public void deadEvent(EventEnvelope event, int attempts, String error) {
        try (Scope context = handling(event)) {
            LOG.error("outbox event {} ({}, tenant {}) parked as dead after {} attempts: {}", event.id(),
                    event.type(), event.tenantId(), attempts, error);
        }
    }

    @Override
    public void relayFailed(RuntimeException failure) {
        LOG.warn("outbox relay round failed, retrying: {}", failure.toString());
    }

    @Override
    public void jobDone(String job, String summary) {
        LOG.info("{}: {}", job, summary);
    }

    @Override
    public void jobFailed(String job, RuntimeException failure) {
        LOG.warn("{} failed: {}", job, failure.toString());
    }

    @Override
    public Scope handling(EventEnvelope event) {
        MDC.put(TENANT_KEY, event.tenantId().value().toString());
        MDC.put(EVENT_KEY, event.id().toString());
        return () -> {
            MDC.remove(TENANT_KEY);
            MDC.remove(EVENT_KEY);
        };
    }

    @Override
    public void handlingFailed(EventEnvelope event, RuntimeException failure) {
        LOG.warn("Handling {} {} failed; the relay will retry it", event.type(), event.id(), failure);
    }
}
