package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Single-node mode: hands each event straight to the handler; an event whose handling throws is reported as failed. */
public final class InProcessEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);

    private final HandleEventUseCase handler;

    public InProcessEventPublisher(HandleEventUseCase handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public PublishResult publish(List<EventEnvelope> events) {
        EventBatches.check(events);
        Map<UUID, String> failures = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            try (EventLogging context = EventLogging.about(event)) {
                handle(event, failures);
            }
        }
        return new PublishResult(failures);
    }

    private void handle(EventEnvelope event, Map<UUID, String> failures) {
        try {
            handler.handle(event);
        } catch (RuntimeException failure) {
            LOG.warn("Handling {} {} failed; the relay will retry it", event.type(), event.id(), failure);
            failures.put(event.id(), EventBatches.reason(failure));
        }
    }
}
