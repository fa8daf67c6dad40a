package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Valid events with deterministic ids, and a payload that exercises every JSON shape. */
final class TestEvents {

    static final TenantId TENANT_A = TenantId.of(UUID.fromString("0000000a-0000-4000-8000-000000000001"));
    static final TenantId TENANT_B = TenantId.of(UUID.fromString("0000000b-0000-4000-8000-000000000002"));
    /** A DST-change night, to the microsecond. */
    static final Instant OCCURRED_AT = Instant.parse("2026-03-29T01:30:00.123456Z");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestEvents() {}

    static EventEnvelope anEvent() {
        return anEvent(TENANT_A, Map.of("text", "hello"));
    }

    static EventEnvelope anEvent(TenantId tenant, Map<String, Object> payload) {
        return new EventEnvelope(nextId(), "post.created", 1, tenant, "post", nextId(), OCCURRED_AT, payload);
    }

    static List<EventEnvelope> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> anEvent(i % 2 == 0 ? TENANT_A : TENANT_B, Map.of("index", i)))
                .toList();
    }

    /** Nested maps and lists, int/long/fractional/negative numbers, booleans and non-ASCII text. */
    static Map<String, Object> richPayload() {
        return Map.of(
                "title", "Séance d'entraînement — 日本語 🏋️‍♀️ \"quoted\" \\ back\nslash",
                "count", 42,
                "big", 9_007_199_254_740_993L,
                "ratio", 0.1,
                "negative", -17,
                "done", true,
                "tags", List.of("sprint", "ünïcödé", List.of(1, 2.5, false)),
                "nested", Map.of("level", Map.of("deeper", List.of(Map.of("k", "v"), Map.of())), "empty", List.of()));
    }

    private static UUID nextId() {
        return new UUID(0x0C0AC417_0000_4000L, 0x8000_0000_0000_0000L | SEQUENCE.incrementAndGet());
    }
}
