package dev.coachkit.application.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.DomainEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the typed event out of its envelope and runs each consumer of its type in its own unit of work,
 * recording the event as processed by that consumer together with the effect. Consumers are
 * independent: one failing does not undo the others, and on redelivery the ones that succeeded skip the
 * event. An event of a type this core does not know has nobody to deliver it to.
 */
public final class EventDispatcher implements HandleEventUseCase {

    private final UnitOfWork unitOfWork;
    private final ProcessedEvents processed;
    private final EventTypes types;
    private final List<EventConsumer<?>> consumers;

    public EventDispatcher(UnitOfWork unitOfWork, ProcessedEvents processed, EventTypes types,
            List<? extends EventConsumer<?>> consumers) {
        this.unitOfWork = unitOfWork;
        this.processed = processed;
        this.types = types;
        this.consumers = List.copyOf(consumers);
        Set<String> names = new HashSet<>();
        for (EventConsumer<?> consumer : this.consumers) {
            if (!names.add(consumer.name())) {
                throw new IllegalArgumentException("two event consumers are named " + consumer.name()
                        + ": the name records which events a consumer handled, so one of them would never run");
            }
            if (!types.registersAny(consumer.eventType())) {
                throw new IllegalArgumentException("consumer " + consumer.name() + " waits for "
                        + consumer.eventType().getName() + ", which no registered event type is");
            }
        }
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> read = types.event(envelope);
        if (read.isEmpty()) {
            return;
        }
        DomainEvent event = read.get();
        List<RuntimeException> failures = new ArrayList<>();
        for (EventConsumer<?> consumer : consumers) {
            if (!consumer.eventType().isInstance(event)) {
                continue;
            }
            try {
                unitOfWork.runInTenant(envelope.tenantId(), () -> {
                    if (processed.markProcessed(consumer.name(), envelope)) {
                        deliver(consumer, event);
                    }
                });
            } catch (RuntimeException failure) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException(failures.size() + " consumer(s) failed on "
                    + envelope.type() + " " + envelope.id(), failures.get(0));
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }

    private static <E extends DomainEvent> void deliver(EventConsumer<E> consumer, DomainEvent event) {
        consumer.consume(consumer.eventType().cast(event));
    }
}
