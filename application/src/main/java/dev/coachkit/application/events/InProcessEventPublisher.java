package dev.coachkit.application.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The default publisher of the event runtime: hands each event straight to the core's handler on the
 * relay's thread; an event whose handling throws is reported as failed, so the relay retries it.
 */
public final class InProcessEventPublisher implements EventPublisher {

    private final HandleEventUseCase handler;
    private final RuntimeMonitor monitor;

    public InProcessEventPublisher(HandleEventUseCase handler) {
        this(handler, RuntimeMonitor.LOGGING);
    }

    public InProcessEventPublisher(HandleEventUseCase handler, RuntimeMonitor monitor) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public PublishResult publish(List<EventEnvelope> events) {
        Objects.requireNonNull(events, "events");
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " events per batch, got " + events.size());
        }
        events.forEach(event -> Objects.requireNonNull(event, "event"));
        Map<UUID, String> failures = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            try (RuntimeMonitor.Scope context = monitor.handling(event)) {
                handle(event, failures);
            }
        }
        return new PublishResult(failures);
    }

    private void handle(EventEnvelope event, Map<UUID, String> failures) {
        try {
            handler.handle(event);
        } catch (RuntimeException failure) {
            monitor.handlingFailed(event, failure);
            String message = failure.getMessage();
            failures.put(event.id(), message == null || message.isBlank() ? failure.getClass().getName() : message);
        }
    }
}
