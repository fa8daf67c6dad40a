package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The handler at the receiving end of a test: records the events it handled and fails on request. */
public final class RecordingHandler implements HandleEventUseCase {

    private final List<EventEnvelope> handled = new CopyOnWriteArrayList<>();
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> failuresLeft = new ConcurrentHashMap<>();

    @Override
    public void handle(EventEnvelope event) {
        attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        Integer left = failuresLeft.computeIfPresent(event.id(), (id, count) -> count - 1);
        if (left != null && left >= 0) {
            throw new IllegalStateException("consumer refused " + event.id());
        }
        handled.add(event);
    }

    /** Handling {@code eventId} throws every time. */
    public void failAlways(UUID eventId) {
        failuresLeft.put(eventId, Integer.MAX_VALUE);
    }

    /** Handling {@code eventId} throws the first {@code times} times, then succeeds. */
    public void failTimes(UUID eventId, int times) {
        failuresLeft.put(eventId, times);
    }

    /** The events handled successfully, in order. */
    public List<EventEnvelope> handled() {
        return List.copyOf(handled);
    }

    /** How often handling {@code eventId} was attempted, failures included. */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** Waits until every id in {@code ids} was handled; fails after {@code timeout}. */
    public List<EventEnvelope> awaitHandled(Collection<UUID> ids, Duration timeout) {
        Eventually.await(timeout, () -> handledIds().containsAll(ids), () -> "handled " + handledIds()
                + ", waiting for " + ids);
        return handled();
    }

    public Set<UUID> handledIds() {
        return handled.stream().map(EventEnvelope::id).collect(Collectors.toSet());
    }

    /** Asserts that nothing but {@code ids} was handled (each any number of times). */
    public void assertHandledOnly(Collection<UUID> ids) {
        assertThat(handledIds()).containsExactlyInAnyOrderElementsOf(Set.copyOf(ids));
    }
}
