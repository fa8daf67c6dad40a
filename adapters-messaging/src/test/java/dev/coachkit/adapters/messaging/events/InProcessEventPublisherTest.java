package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

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
    protected EventEnvelope undeliverable(EventEnvelope event) {
        handler.failAlways(event.id());
        return event;
    }

    @Test
    void failure_reason_is_the_exception_message() {
        EventEnvelope event = undeliverable(TestEvents.anEvent());

        assertThat(publisher.publish(List.of(event)).failures())
                .containsEntry(event.id(), "consumer refused " + event.id());
    }

    @Test
    void failure_without_a_message_is_reported_by_exception_type() {
        EventEnvelope event = TestEvents.anEvent();
        InProcessEventPublisher failing = new InProcessEventPublisher(e -> {
            throw new UnsupportedOperationException();
        });

        assertThat(failing.publish(List.of(event)).failures())
                .containsEntry(event.id(), UnsupportedOperationException.class.getName());
    }

    @Test
    void events_are_handled_synchronously_in_batch_order() {
        List<EventEnvelope> batch = TestEvents.events(3);

        publisher.publish(batch);

        assertThat(handler.handled()).containsExactlyElementsOf(batch);
    }

    @Test
    void each_event_is_handled_with_its_tenant_and_id_in_the_logging_context_and_cleared_after() {
        List<EventEnvelope> batch = List.of(TestEvents.anEvent(TestEvents.TENANT_A, Map.of()),
                TestEvents.anEvent(TestEvents.TENANT_B, Map.of()));
        List<Map<String, String>> contexts = new ArrayList<>();

        new InProcessEventPublisher(event -> contexts.add(MDC.getCopyOfContextMap())).publish(batch);

        assertThat(contexts).containsExactly(
                Map.of("tenantId", TestEvents.TENANT_A.value().toString(), "eventId", batch.get(0).id().toString()),
                Map.of("tenantId", TestEvents.TENANT_B.value().toString(), "eventId", batch.get(1).id().toString()));
        assertThat(MDC.get("tenantId")).as("the relay thread's next lines are no event's").isNull();
        assertThat(MDC.get("eventId")).isNull();
    }
}
