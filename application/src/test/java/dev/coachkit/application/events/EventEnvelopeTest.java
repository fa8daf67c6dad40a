package dev.coachkit.application.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"));

    private static EventEnvelope event(String type, Map<String, Object> payload) {
        return new EventEnvelope(UUID.randomUUID(), type, 1, TENANT, "post", UUID.randomUUID(), Instant.EPOCH, payload);
    }

    @Test
    void accepts_dotted_lowercase_types_and_json_values() {
        EventEnvelope event = event("post.created", Map.of("title", "Hi", "count", 3, "tags", List.of("a"),
                "nested", Map.of("ok", true)));

        assertThat(event.payload()).containsEntry("count", 3).containsEntry("nested", Map.of("ok", true));
    }

    @Test
    void rejects_types_that_are_not_dotted_names() {
        assertThatThrownBy(() -> event("PostCreated", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event("post", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_payload_values_that_are_not_json() {
        assertThatThrownBy(() -> event("post.created", Map.of("when", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload.when");
    }

    @Test
    void payload_is_a_snapshot_not_a_view() {
        Map<String, Object> mutable = new HashMap<>(Map.of("title", "before"));
        EventEnvelope event = event("post.created", mutable);

        mutable.put("title", "after");

        assertThat(event.payload()).containsEntry("title", "before");
    }
}
