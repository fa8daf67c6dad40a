package dev.coachkit.application.scheduling;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.scheduling.SessionCancelled;
import dev.coachkit.domain.scheduling.SessionEvent;
import dev.coachkit.domain.scheduling.SessionReminderDue;
import dev.coachkit.domain.scheduling.SessionScheduled;
import java.time.Duration;
import java.util.List;

/** How scheduling's events are stored: names, subjects and payload keys as version 1 wrote them. */
public final class SchedulingEventTypes {

    private SchedulingEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(SESSION_SCHEDULED, SESSION_CANCELLED, SESSION_REMINDER);
    }

    static final EventType<SessionScheduled> SESSION_SCHEDULED =
            EventType.of(SessionScheduled.class, "session.scheduled", "session", SessionScheduled::sessionId)
                    .writing(event -> basics(event).put("bookedBy", event.bookedBy()).build())
                    .reading((head, payload) -> new SessionScheduled(head.tenantId(), head.subjectId(),
                            payload.account("coachId"), payload.account("athleteId"), payload.instant("startsAt"),
                            payload.instant("endsAt"), payload.account("bookedBy"), head.occurredAt()));

    static final EventType<SessionCancelled> SESSION_CANCELLED =
            EventType.of(SessionCancelled.class, "session.cancelled", "session", SessionCancelled::sessionId)
                    .writing(event -> basics(event).put("cancelledBy", event.cancelledBy())
                            .put("reason", event.reason()).build())
                    .reading((head, payload) -> new SessionCancelled(head.tenantId(), head.subjectId(),
                            payload.account("coachId"), payload.account("athleteId"), payload.instant("startsAt"),
                            payload.instant("endsAt"), payload.account("cancelledBy"), payload.optionalString("reason"),
                            head.occurredAt()));

    static final EventType<SessionReminderDue> SESSION_REMINDER =
            EventType.of(SessionReminderDue.class, "session.reminder", "session", SessionReminderDue::sessionId)
                    .writing(event -> basics(event).put("offsetMinutes", event.offset().toMinutes()).build())
                    .reading((head, payload) -> new SessionReminderDue(head.tenantId(), head.subjectId(),
                            payload.account("coachId"), payload.account("athleteId"), payload.instant("startsAt"),
                            payload.instant("endsAt"), Duration.ofMinutes(payload.number("offsetMinutes")),
                            head.occurredAt()));

    private static EventPayload.Builder basics(SessionEvent event) {
        return EventPayload.builder().put("coachId", event.coachId()).put("athleteId", event.athleteId())
                .put("startsAt", event.startsAt()).put("endsAt", event.endsAt());
    }
}
