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

/**
 * What every {@link EventOutbox} adapter guarantees. Each test works in a tenant of its own. The port
 * only records; each adapter's test reads the recorded events back through {@link #recordedEvents}.
 */
public abstract class EventOutboxContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract EventOutbox outbox();

    /**
     * The events of {@code tenant} recorded and neither published nor dead yet, oldest first, as a unit
     * of work of that tenant sees them: joins the running unit of work of that tenant, or runs in one
     * of its own. Implemented by each adapter's test, outside the port.
     */
    protected abstract List<EventEnvelope> recordedEvents(TenantId tenant);

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

        assertThat(recordedEvents(tenant)).containsExactly(event);
    }

    @Test
    void recorded_events_come_oldest_first() {
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        EventEnvelope second = anEnvelope().inTenant(tenant).occurredAt(t0.plusSeconds(1)).build();
        EventEnvelope first = anEnvelope().inTenant(tenant).occurredAt(t0).build();
        EventEnvelope third = anEnvelope().inTenant(tenant).occurredAt(t0.plusSeconds(2)).build();

        record(second, first, third);

        assertThat(recordedEvents(tenant)).containsExactly(first, second, third);
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

        assertThat(recordedEvents(other)).isEmpty();
    }

    @Test
    void recorded_events_are_seen_only_in_their_tenant() {
        TenantId other = TenantId.of(UUID.randomUUID());
        EventEnvelope mine = anEnvelope().inTenant(tenant).build();

        record(mine);

        assertThat(recordedEvents(other)).isEmpty();
        assertThat(recordedEvents(tenant)).containsExactly(mine);
    }
}
