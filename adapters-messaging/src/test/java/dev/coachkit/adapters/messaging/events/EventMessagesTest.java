package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.messaging.events.EventMessages.MalformedEventException;
import dev.coachkit.application.events.envelope.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventMessagesTest {

    @Test
    void event_survives_the_round_trip_with_every_field() {
        EventEnvelope event = TestEvents.anEvent(TestEvents.TENANT_B, TestEvents.richPayload());

        assertThat(EventMessages.read(EventMessages.write(event))).isEqualTo(event);
    }

    @Test
    void occurred_at_is_an_iso_instant_with_full_precision() {
        EventEnvelope event = TestEvents.anEvent();

        assertThat(EventMessages.write(event)).contains("\"occurredAt\":\"2026-03-29T01:30:00.123456Z\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "{}", "{\"id\": 1}",
        "{\"id\":\"0c0ac417-0000-4000-8000-000000000001\",\"type\":\"Post Created\",\"tenantId\":\"0000000a-0000-4000-8000-000000000001\",\"subjectType\":\"post\",\"subjectId\":\"0c0ac417-0000-4000-8000-000000000002\",\"occurredAt\":\"2026-03-29T01:30:00Z\",\"payload\":{}}",
        "{\"id\":\"0c0ac417-0000-4000-8000-000000000001\",\"type\":\"post.created\",\"tenantId\":\"0000000a-0000-4000-8000-000000000001\",\"subjectType\":\"post\",\"subjectId\":\"0c0ac417-0000-4000-8000-000000000002\",\"occurredAt\":\"yesterday\",\"payload\":{}}",
        "{\"id\":\"0c0ac417-0000-4000-8000-000000000001\",\"type\":\"post.created\",\"tenantId\":\"0000000a-0000-4000-8000-000000000001\",\"subjectType\":\"post\",\"subjectId\":\"0c0ac417-0000-4000-8000-000000000002\",\"occurredAt\":\"2026-03-29T01:30:00Z\",\"payload\":[]}",
        "{\"id\":\"0c0ac417-0000-4000-8000-000000000001\",\"type\":\"post.created\",\"tenantId\":\"0000000a-0000-4000-8000-000000000001\",\"subjectType\":\"post\",\"subjectId\":\"0c0ac417-0000-4000-8000-000000000002\",\"occurredAt\":\"2026-03-29T01:30:00Z\",\"payload\":{\"a\":null}}",
        "{\"id\":\"0c0ac417-0000-4000-8000-000000000001\",\"type\":\"post.created\",\"tenantId\":\"0000000a-0000-4000-8000-000000000001\",\"subjectType\":\"post\",\"subjectId\":\"0c0ac417-0000-4000-8000-000000000002\",\"occurredAt\":\"2026-03-29T01:30:00Z\",\"payload\":{}} trailing"
    })
    void body_that_is_not_an_event_is_malformed(String body) {
        assertThatThrownBy(() -> EventMessages.read(body)).isInstanceOf(MalformedEventException.class);
    }
}
