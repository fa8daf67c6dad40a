package dev.coachkit.application.events;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The runtime's default publisher: synchronous dispatch to the core's handler, failures reported per event. */
class InProcessEventPublisherTest {

    private final List<EventEnvelope> handled = new ArrayList<>();

    private static List<EventEnvelope> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> anEnvelope().build()).toList();
    }

    @Test
    void events_are_handled_synchronously_in_batch_order() {
        List<EventEnvelope> batch = events(3);

        assertThat(new InProcessEventPublisher(handled::add).publish(batch).failures()).isEmpty();

        assertThat(handled).containsExactlyElementsOf(batch);
    }

    @Test
    void a_failed_event_is_reported_by_id_with_the_exception_message_and_the_others_are_delivered() {
        List<EventEnvelope> batch = events(3);
        EventEnvelope failing = batch.get(1);
        InProcessEventPublisher publisher = new InProcessEventPublisher(event -> {
            if (event.equals(failing)) {
                throw new IllegalStateException("consumer refused " + event.id());
            }
            handled.add(event);
        });

        EventPublisher.PublishResult result = publisher.publish(batch);

        assertThat(result.failures()).containsOnlyKeys(failing.id())
                .containsEntry(failing.id(), "consumer refused " + failing.id());
        assertThat(handled).containsExactly(batch.get(0), batch.get(2));
    }

    @Test
    void failure_without_a_message_is_reported_by_exception_type() {
        EventEnvelope event = anEnvelope().build();
        InProcessEventPublisher failing = new InProcessEventPublisher(e -> {
            throw new UnsupportedOperationException();
        });

        assertThat(failing.publish(List.of(event)).failures())
                .containsEntry(event.id(), UnsupportedOperationException.class.getName());
    }

    @Test
    void batch_larger_than_max_batch_is_rejected_and_handles_nothing() {
        InProcessEventPublisher publisher = new InProcessEventPublisher(handled::add);

        assertThatThrownBy(() -> publisher.publish(events(EventPublisher.MAX_BATCH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(publisher.publish(List.of()).failures()).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void each_event_is_handled_inside_the_monitors_context_which_closes_after_it_also_on_failure() {
        List<String> trace = new ArrayList<>();
        List<EventEnvelope> batch = events(2);
        RuntimeMonitor monitor = new RuntimeMonitor() {
            @Override
            public Scope handling(EventEnvelope event) {
                trace.add("open " + event.id());
                return () -> trace.add("close " + event.id());
            }

            @Override
            public void handlingFailed(EventEnvelope event, RuntimeException failure) {
                trace.add("failed " + event.id());
            }
        };

        new InProcessEventPublisher(event -> {
            trace.add("handle " + event.id());
            if (event.equals(batch.get(1))) {
                throw new IllegalStateException("down");
            }
        }, monitor).publish(batch);

        String a = batch.get(0).id().toString();
        String b = batch.get(1).id().toString();
        assertThat(trace).containsExactly("open " + a, "handle " + a, "close " + a,
                "open " + b, "handle " + b, "failed " + b, "close " + b);
    }
}
