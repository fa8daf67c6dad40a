package dev.coachkit.application.scheduling;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.application.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The scheduling events; each carries who takes part and when, so consumers need not read the session. */
public final class SessionEvents {

    public static final String SCHEDULED = "session.scheduled";
    public static final String CANCELLED = "session.cancelled";
    public static final String REMINDER = "session.reminder";

    private SessionEvents() {}

    static EventEnvelope scheduled(UUID id, Session session, AccountId bookedBy) {
        Map<String, Object> payload = basics(session);
        payload.put("bookedBy", bookedBy.toString());
        return new EventEnvelope(id, SCHEDULED, 1, session.tenantId(), "session", session.id(), session.createdAt(), payload);
    }

    static EventEnvelope cancelled(UUID id, Session session, AccountId cancelledBy) {
        Map<String, Object> payload = basics(session);
        payload.put("cancelledBy", cancelledBy.toString());
        session.cancelReason().ifPresent(reason -> payload.put("reason", reason));
        return new EventEnvelope(id, CANCELLED, 1, session.tenantId(), "session", session.id(),
                session.cancelledAt().orElseThrow(), payload);
    }

    static EventEnvelope reminder(UUID id, Session session, Duration offset, Instant now) {
        Map<String, Object> payload = basics(session);
        payload.put("offsetMinutes", offset.toMinutes());
        return new EventEnvelope(id, REMINDER, 1, session.tenantId(), "session", session.id(), now, payload);
    }

    private static Map<String, Object> basics(Session session) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("coachId", session.coachId().toString());
        payload.put("athleteId", session.athleteId().toString());
        payload.put("startsAt", session.startsAt().toString());
        payload.put("endsAt", session.endsAt().toString());
        return payload;
    }
}
