package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.scheduling.SessionEvents;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.application.events.EventEnvelope;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code session.scheduled}, {@code session.cancelled}, {@code session.reminder}: tells the coach and the athlete. */
public final class SessionNotificationConsumer implements EventConsumer {

    private static final Set<String> TYPES =
            Set.of(SessionEvents.SCHEDULED, SessionEvents.CANCELLED, SessionEvents.REMINDER);

    private final NotificationRepository notifications;
    private final IdGenerator ids;
    private final Clock clock;

    public SessionNotificationConsumer(NotificationRepository notifications, IdGenerator ids, Clock clock) {
        this.notifications = notifications;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "session-notifications";
    }

    @Override
    public boolean wants(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void consume(EventEnvelope event) {
        Set<AccountId> recipients = new LinkedHashSet<>();
        recipients.add(AccountId.parse(String.valueOf(event.payload().get("coachId")), "coachId"));
        recipients.add(AccountId.parse(String.valueOf(event.payload().get("athleteId")), "athleteId"));
        String when = event.payload().get("startsAt") + " to " + event.payload().get("endsAt") + " (UTC)";
        for (AccountId recipient : recipients) {
            notifications.add(new Notification(ids.newId(), event.tenantId(), recipient, event.type(), title(event),
                    body(event, when), event.subjectType(), event.subjectId(), clock.now(), null));
        }
    }

    private static String title(EventEnvelope event) {
        switch (event.type()) {
            case SessionEvents.SCHEDULED:
                return "Session booked";
            case SessionEvents.CANCELLED:
                return "Session cancelled";
            default:
                return "Session starts in " + humanOffset(((Number) event.payload().get("offsetMinutes")).longValue());
        }
    }

    private static String body(EventEnvelope event, String when) {
        switch (event.type()) {
            case SessionEvents.SCHEDULED:
                return "A session was booked for " + when + ".";
            case SessionEvents.CANCELLED:
                Object reason = event.payload().get("reason");
                return "The session of " + when + " was cancelled" + (reason == null ? "." : ": " + reason);
            default:
                return "Reminder: your session is " + when + ".";
        }
    }

    private static String humanOffset(long minutes) {
        if (minutes % 60 != 0) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
