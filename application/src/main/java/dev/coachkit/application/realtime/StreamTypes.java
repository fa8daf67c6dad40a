package dev.coachkit.application.realtime;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.realtime.port.out.FeedEvent;
import dev.coachkit.domain.shared.AccountId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one list of what the real-time stream carries: which stored event types become which stream
 * types, and whom each is about (for authorization at delivery). Every other stored type stays off the
 * stream. Later capabilities add their line here.
 *
 * <p>The data a client gets is the stored payload (keys as version 1 of each type wrote them) plus the
 * subject's id under {@code <subjectType>Id} and {@code occurredAt}.
 */
final class StreamTypes {

    /** One stored type on the stream: its stream type name (empty: not streamed) and its audience. */
    private record StreamType(String storedType, Function<EventEnvelope, Optional<String>> name,
            Function<EventEnvelope, Audience> audience) {}

    private static final List<StreamType> TYPES = List.of(
            same("post.created", StreamTypes::spaceOf),
            same("post.deleted", StreamTypes::spaceOf),
            same("comment.created", StreamTypes::spaceOf),
            same("annotation.created", StreamTypes::mediaReaders),
            same("notification.created", event -> accounts(event, "recipientId")),
            same("session.scheduled", event -> accounts(event, "coachId", "athleteId")),
            same("session.cancelled", event -> accounts(event, "coachId", "athleteId")),
            same("order.paid", event -> accounts(event, "buyerId", "coachId")),
            new StreamType("media.processed", StreamTypes::mediaOutcome,
                    event -> new Audience.MediaOwner(event.subjectId())));

    private static final Map<String, StreamType> BY_STORED_TYPE = byStoredType();

    private StreamTypes() {}

    /** The event as streams carry it; empty for a type that is not streamed. */
    static Optional<StreamEvent> of(FeedEvent feedEvent) {
        EventEnvelope event = feedEvent.event();
        StreamType type = BY_STORED_TYPE.get(event.type());
        if (type == null) {
            return Optional.empty();
        }
        return type.name().apply(event).map(name -> new StreamEvent(feedEvent.position(), event.tenantId(), name,
                type.audience().apply(event), data(event)));
    }

    private static StreamType same(String type, Function<EventEnvelope, Audience> audience) {
        return new StreamType(type, event -> Optional.of(type), audience);
    }

    /** media.processed is media.ready or media.failed as the stream sees it. */
    private static Optional<String> mediaOutcome(EventEnvelope event) {
        Object status = event.payload().get("status");
        if ("READY".equals(status)) {
            return Optional.of("media.ready");
        }
        return "FAILED".equals(status) ? Optional.of("media.failed") : Optional.empty();
    }

    private static Audience spaceOf(EventEnvelope event) {
        return new Audience.Space(UUID.fromString((String) event.payload().get("spaceId")));
    }

    private static Audience mediaReaders(EventEnvelope event) {
        Set<UUID> spaces = new HashSet<>();
        if (event.payload().get("spaceIds") instanceof List<?> ids) {
            ids.forEach(id -> spaces.add(UUID.fromString((String) id)));
        }
        return new Audience.MediaReaders(AccountId.of(UUID.fromString((String) event.payload().get("uploaderId"))),
                spaces);
    }

    private static Audience accounts(EventEnvelope event, String... keys) {
        Set<AccountId> accounts = new HashSet<>();
        for (String key : keys) {
            Object value = event.payload().get(key);
            if (value instanceof String id) {
                accounts.add(AccountId.of(UUID.fromString(id)));
            }
        }
        return new Audience.Accounts(accounts);
    }

    /**
     * Payload keys recorded only to work out who may receive an event: a reader of one space must not learn
     * through the stream which other (private) spaces carry the media, or who posted it there.
     */
    private static final Map<String, Set<String>> AUDIENCE_ONLY = Map.of(
            "annotation.created", Set.of("spaceIds", "postAuthorIds"));

    private static Map<String, Object> data(EventEnvelope event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(event.subjectType() + "Id", event.subjectId().toString());
        data.putAll(event.payload());
        data.keySet().removeAll(AUDIENCE_ONLY.getOrDefault(event.type(), Set.of()));
        data.put("occurredAt", event.occurredAt().toString());
        return data;
    }

    private static Map<String, StreamType> byStoredType() {
        Map<String, StreamType> map = new LinkedHashMap<>();
        TYPES.forEach(type -> map.put(type.storedType(), type));
        return Map.copyOf(map);
    }
}
