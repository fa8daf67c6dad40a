package dev.coachkit.application.testing;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds valid event envelopes with deterministic ids: by default a {@code post.created} of version 1
 * whose payload the community's event types read; override only what a test is about.
 */
public final class EventEnvelopeBuilder {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private UUID id = new UUID(0xE0E0_0000_0000_4000L, 0x8000_0000_0000_0000L | SEQUENCE.incrementAndGet());
    private String type = "post.created";
    private TenantId tenant = TestTenants.ACME;
    private String subjectType = "post";
    private UUID subjectId = new UUID(0xD0D0_0000_0000_4000L, 0x8000_0000_0000_0000L | SEQUENCE.incrementAndGet());
    private Instant occurredAt = Instant.parse("2026-11-25T10:00:00Z");
    private Map<String, Object> payload = Map.of("spaceId", "d0000000-0000-4000-8000-000000000005",
            "authorId", "a0000000-0000-4000-8000-000000000001", "type", "TEXT", "title", "Morning drills");

    private EventEnvelopeBuilder() {}

    public static EventEnvelopeBuilder anEnvelope() {
        return new EventEnvelopeBuilder();
    }

    public EventEnvelopeBuilder ofType(String type) {
        this.type = type;
        return this;
    }

    public EventEnvelopeBuilder inTenant(TenantId tenant) {
        this.tenant = tenant;
        return this;
    }

    public EventEnvelopeBuilder occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public EventEnvelopeBuilder withPayload(Map<String, Object> payload) {
        this.payload = payload;
        return this;
    }

    public EventEnvelope build() {
        return new EventEnvelope(id, type, 1, tenant, subjectType, subjectId, occurredAt, payload);
    }
}
