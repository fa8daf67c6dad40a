package dev.coachkit.application.events;

import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each interested consumer in its own unit of work, recording the event as processed by that
 * consumer together with the effect. Consumers are independent: one failing does not undo the
 * others, and on redelivery the ones that succeeded skip the event.
 */
public final class EventDispatcher implements HandleEventUseCase {

    private final UnitOfWork unitOfWork;
    private final ProcessedEvents processed;
    private final List<EventConsumer> consumers;

    public EventDispatcher(UnitOfWork unitOfWork, ProcessedEvents processed, List<EventConsumer> consumers) {
        this.unitOfWork = unitOfWork;
        this.processed = processed;
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public void handle(EventEnvelope event) {
        List<RuntimeException> failures = new ArrayList<>();
        for (EventConsumer consumer : consumers) {
            if (!consumer.wants(event.type())) {
                continue;
            }
            try {
                unitOfWork.runInTenant(event.tenantId(), () -> {
                    if (processed.markProcessed(consumer.name(), event)) {
                        consumer.consume(event);
                    }
                });
            } catch (RuntimeException failure) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException(
                    failures.size() + " consumer(s) failed on " + event.type() + " " + event.id(), failures.get(0));
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }
}
