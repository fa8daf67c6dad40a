package dev.coachkit.application.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How one event record is stored and sent: the stable name and current version of its type, what it is
 * about (the subject, kept beside the payload so that adapters can find an event's subject without
 * reading it), and its payload both ways. Payload keys are written out by hand, so renaming a record
 * component never changes what is stored. A payload of an older version is upgraded step by step before
 * it is read.
 *
 * <pre>{@code
 * EventType.of(PostCreated.class, "post.created", "post", PostCreated::postId)
 *         .writing(event -> EventPayload.builder().put("spaceId", event.spaceId()).build())
 *         .reading((head, payload) -> new PostCreated(head.tenantId(), head.subjectId(), payload.uuid("spaceId"), ...));
 * }</pre>
 */
public final class EventType<E extends DomainEvent> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");

    /** The parts of a stored event that are not its payload. */
    public record Head(TenantId tenantId, UUID subjectId, Instant occurredAt) {}

    /** Builds the record from its head and payload; a missing or malformed value throws {@link MalformedEventException}. */
    @FunctionalInterface
    public interface Reader<E> {
        E read(Head head, EventPayload payload);
    }

    private final Class<E> javaType;
    private final String name;
    private final String subjectType;
    private final Function<E, UUID> subjectId;
    private final int version;
    private final Map<Integer, UnaryOperator<Map<String, Object>>> upgrades;
    private final Function<E, Map<String, Object>> writer;
    private final Reader<E> reader;

    private EventType(Class<E> javaType, String name, String subjectType, Function<E, UUID> subjectId, int version,
            Map<Integer, UnaryOperator<Map<String, Object>>> upgrades, Function<E, Map<String, Object>> writer,
            Reader<E> reader) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.name = Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type names look like 'post.created': " + name);
        }
        this.subjectType = Objects.requireNonNull(subjectType, "subjectType");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        this.version = version;
        this.upgrades = Map.copyOf(upgrades);
        this.writer = writer;
        this.reader = reader;
    }

    /** Starts the definition of a type at version 1; finish it with {@link #writing} and {@link #reading}. */
    public static <E extends DomainEvent> EventType<E> of(Class<E> javaType, String name, String subjectType,
            Function<E, UUID> subjectId) {
        return new EventType<>(javaType, name, subjectType, subjectId, 1, Map.of(), null, null);
    }

    public EventType<E> writing(Function<E, Map<String, Object>> writer) {
        return new EventType<>(javaType, name, subjectType, subjectId, version, upgrades,
                Objects.requireNonNull(writer, "writer"), reader);
    }

    public EventType<E> reading(Reader<E> reader) {
        return new EventType<>(javaType, name, subjectType, subjectId, version, upgrades, writer,
                Objects.requireNonNull(reader, "reader"));
    }

    /**
     * Raises the version by one: payloads stored at the current version are turned into the new one by
     * {@code fromPrevious} before they are read. The writer and reader are dropped: give those of the new
     * version after it, or the registry refuses the type.
     */
    public EventType<E> nextVersion(UnaryOperator<Map<String, Object>> fromPrevious) {
        Map<Integer, UnaryOperator<Map<String, Object>>> more = new TreeMap<>(upgrades);
        more.put(version, Objects.requireNonNull(fromPrevious, "fromPrevious"));
        return new EventType<>(javaType, name, subjectType, subjectId, version + 1, more, null, null);
    }

    public Class<E> javaType() {
        return javaType;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    EventEnvelope envelope(UUID id, E event) {
        return new EventEnvelope(id, name, version, event.tenantId(), subjectType, subjectId.apply(event),
                event.occurredAt(), writer.apply(event));
    }

    E read(EventEnvelope envelope) {
        if (envelope.version() > version) {
            throw new MalformedEventException(name + " version " + envelope.version()
                    + " was written by a newer CoachKit; this one reads up to version " + version);
        }
        Map<String, Object> payload = envelope.payload();
        for (int from = envelope.version(); from < version; from++) {
            payload = upgrades.get(from).apply(payload);
        }
        return reader.read(new Head(envelope.tenantId(), envelope.subjectId(), envelope.occurredAt()),
                new EventPayload(name, payload));
    }

    void requireComplete() {
        if (writer == null || reader == null) {
            throw new IllegalStateException("event type " + name + " needs both a writer and a reader");
        }
    }
}
