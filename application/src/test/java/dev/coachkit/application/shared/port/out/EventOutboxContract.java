package dev.coachkit.application.shared.port.out;

import static dev.coachkit.application.testing.EventEnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link EventOutbox} adapter guarantees. Each test works in a tenant of its own. */
public abstract class EventOutboxContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract EventOutbox outbox();

    private final TenantId tenant = TenantId.of(UUID.randomUUID());

    private void record(EventEnvelope... events) {
        unitOfWork().runInTenant(tenant, () -> List.of(events).forEach(outbox()::record));
    }

    @Test
    void recorded_event_round_trips_with_its_payload() {
        EventEnvelope event = anEnvelope().inTenant(tenant)
                .withPayload(Map.of("title", "Grüße 👋", "count", 3, "flags", List.of(true, false),
                        "nested", Map.of("spaceId", "e0000000-0000-4000-8000-000000000005")))
                .build();

        record(event);

        assertThat(outbox().pending(tenant, 10)).containsExactly(event);
    }

    @Test
    void pending_events_come_oldest_first_up_to_the_limit() {
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        EventEnvelope second = anEnvelope().inTenant(tenant).occurredAt(t0.plusSeconds(1)).build();
        EventEnvelope first = anEnvelope().inTenant(tenant).occurredAt(t0).build();
        EventEnvelope third = anEnvelope().inTenant(tenant).occurredAt(t0.plusSeconds(2)).build();

        record(second, first, third);

        assertThat(outbox().pending(tenant, 2)).containsExactly(first, second);
    }

    @Test
    void recording_outside_a_unit_of_work_is_refused() {
        EventEnvelope event = anEnvelope().inTenant(tenant).build();

        assertThatThrownBy(() -> outbox().record(event)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recording_an_event_of_another_tenant_is_refused_and_nothing_is_written() {
        TenantId other = TenantId.of(UUID.randomUUID());
        EventEnvelope foreign = anEnvelope().inTenant(other).build();

        assertThatThrownBy(() -> unitOfWork().runInTenant(tenant, () -> outbox().record(foreign)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(outbox().pending(other, 10)).isEmpty();
    }

    @Test
    void pending_shows_only_the_requested_tenant() {
        TenantId other = TenantId.of(UUID.randomUUID());
        EventEnvelope mine = anEnvelope().inTenant(tenant).build();

        record(mine);

        assertThat(outbox().pending(other, 10)).isEmpty();
        assertThat(outbox().pending(tenant, 10)).containsExactly(mine);
    }
}
