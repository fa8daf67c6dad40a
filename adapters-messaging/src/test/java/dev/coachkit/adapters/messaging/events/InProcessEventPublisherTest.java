package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.domain.shared.DomainEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessEventPublisherTest extends EventPublisherContract {

    private final RecordingHandler handler = new RecordingHandler();
    private final InProcessEventPublisher publisher = new InProcessEventPublisher(handler);

    @Override
    protected EventPublisher publisher() {
        return publisher;
    }

    @Override
    protected RecordingHandler receiver() {
        return handler;
    }

    @Override
    protected DomainEvent undeliverable(DomainEvent event) {
        handler.failAlways(event.id());
        return event;
    }

    @Test
    void failure_reason_is_the_exception_message() {
        DomainEvent event = undeliverable(TestEvents.anEvent());

        assertThat(publisher.publish(List.of(event)).failures())
                .containsEntry(event.id(), "consumer refused " + event.id());
    }

    @Test
    void failure_without_a_message_is_reported_by_exception_type() {
        DomainEvent event = TestEvents.anEvent();
        InProcessEventPublisher failing = new InProcessEventPublisher(e -> {
            throw new UnsupportedOperationException();
        });

        assertThat(failing.publish(List.of(event)).failures())
                .containsEntry(event.id(), UnsupportedOperationException.class.getName());
    }

    @Test
    void events_are_handled_synchronously_in_batch_order() {
        List<DomainEvent> batch = TestEvents.events(3);

        publisher.publish(batch);

        assertThat(handler.handled()).containsExactlyElementsOf(batch);
    }
}
