package dev.coachkit.adapters.messaging.events;

import static dev.coachkit.adapters.messaging.events.TestEvents.TENANT_A;
import static dev.coachkit.adapters.messaging.events.TestEvents.TENANT_B;
import static dev.coachkit.adapters.messaging.events.TestEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher.PublishResult;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventPublisher} promises. Subclasses supply the publisher, the handler at the
 * receiving end, and a way to make one event fail. (Belongs in the application test-jar.)
 */
public abstract class EventPublisherContract {

    protected static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    protected abstract EventPublisher publisher();

    /** The handler the published events reach. */
    protected abstract RecordingHandler receiver();

    /** An event like {@code event} that this publisher will report as not published. */
    protected abstract EventEnvelope undeliverable(EventEnvelope event);

    @Test
    void published_batch_reaches_the_handler_with_every_field_intact() {
        List<EventEnvelope> batch = List.of(
                anEvent(TENANT_A, TestEvents.richPayload()),
                anEvent(TENANT_B, Map.of()),
                anEvent(TENANT_A, Map.of("text", "third")));

        PublishResult result = publisher().publish(batch);

        assertThat(result.failures()).isEmpty();
        List<EventEnvelope> handled = receiver().awaitHandled(ids(batch), DELIVERY_TIMEOUT);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(handled).extracting(EventEnvelope::occurredAt).containsOnly(TestEvents.OCCURRED_AT);
    }

    @Test
    void full_batch_of_max_batch_events_is_published() {
        List<EventEnvelope> batch = TestEvents.events(EventPublisher.MAX_BATCH);

        assertThat(publisher().publish(batch).failures()).isEmpty();

        assertThat(receiver().awaitHandled(ids(batch), DELIVERY_TIMEOUT)).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void failed_events_are_reported_by_id_and_the_others_are_delivered() {
        EventEnvelope first = anEvent();
        EventEnvelope failing = undeliverable(anEvent());
        EventEnvelope last = anEvent();

        PublishResult result = publisher().publish(List.of(first, failing, last));

        assertThat(result.failures()).containsOnlyKeys(failing.id());
        assertThat(result.failures().get(failing.id())).isNotBlank();
        EventEnvelope marker = publishMarker();
        receiver().awaitHandled(Set.of(first.id(), last.id(), marker.id()), DELIVERY_TIMEOUT);
        receiver().assertHandledOnly(Set.of(first.id(), last.id(), marker.id()));
    }

    @Test
    void empty_batch_publishes_nothing() {
        assertThat(publisher().publish(List.of()).failures()).isEmpty();

        EventEnvelope marker = publishMarker();
        receiver().awaitHandled(Set.of(marker.id()), DELIVERY_TIMEOUT);
        receiver().assertHandledOnly(Set.of(marker.id()));
    }

    @Test
    void batch_larger_than_max_batch_is_rejected_and_publishes_nothing() {
        List<EventEnvelope> tooMany = TestEvents.events(EventPublisher.MAX_BATCH + 1);

        assertThatThrownBy(() -> publisher().publish(tooMany)).isInstanceOf(IllegalArgumentException.class);

        EventEnvelope marker = publishMarker();
        receiver().awaitHandled(Set.of(marker.id()), DELIVERY_TIMEOUT);
        receiver().assertHandledOnly(Set.of(marker.id()));
    }

    /** Published after the case's batch; its arrival shows delivery works, so what else did not arrive was not sent. */
    private EventEnvelope publishMarker() {
        EventEnvelope marker = anEvent(TENANT_B, Map.of("marker", true));
        assertThat(publisher().publish(List.of(marker)).failures()).isEmpty();
        return marker;
    }

    private static Set<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::id).collect(Collectors.toSet());
    }
}
