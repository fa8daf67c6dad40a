package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.scheduling.SessionCancelled;
import dev.coachkit.domain.scheduling.SessionEvent;
import dev.coachkit.domain.scheduling.SessionReminderDue;
import dev.coachkit.domain.scheduling.SessionScheduled;
import dev.coachkit.domain.shared.AccountId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every {@link SessionEvent} (booked, cancelled, reminder due): tells the coach and the athlete, each with
 * the session's time in their own time zone (read for both at once; UTC for an account that is gone).
 */
public final class SessionNotificationConsumer implements EventConsumer<SessionEvent> {

    private final Inbox inbox;
    private final RecipientTimeZones timeZones;
    private final IdGenerator ids;
    private final Clock clock;

    public SessionNotificationConsumer(Inbox inbox, RecipientTimeZones timeZones, IdGenerator ids, Clock clock) {
        this.inbox = inbox;
        this.timeZones = timeZones;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "session-notifications";
    }

    @Override
    public Class<SessionEvent> eventType() {
        return SessionEvent.class;
    }

    @Override
    public void consume(SessionEvent event) {
        Set<AccountId> recipients = new LinkedHashSet<>();
        recipients.add(event.coachId());
        recipients.add(event.athleteId());
        Map<AccountId, IanaTimeZone> zones = timeZones.zonesOf(recipients);
        for (AccountId recipient : recipients) {
            IanaTimeZone zone = zones.getOrDefault(recipient, IanaTimeZone.UTC);
            Message message = message(event, LocalTimes.span(event.startsAt(), event.endsAt(), zone));
            inbox.deliver(new Notification(ids.newId(), event.tenantId(), recipient, message.type(),
                    message.title(), message.body(), "session", event.sessionId(), clock.now(), null));
        }
    }

    /** What the notification says; its type is the one clients see. */
    private record Message(String type, String title, String body) {}

    private static Message message(SessionEvent event, String when) {
        if (event instanceof SessionScheduled) {
            return new Message("session.scheduled", "Session booked", "A session was booked for " + when + ".");
        }
        if (event instanceof SessionCancelled cancelled) {
            return new Message("session.cancelled", "Session cancelled", "The session of " + when + " was cancelled"
                    + cancelled.reason().map(reason -> ": " + reason).orElse("."));
        }
        SessionReminderDue reminder = (SessionReminderDue) event;
        return new Message("session.reminder", "Session starts in " + humanOffset(reminder.offset().toMinutes()),
                "Reminder: your session is " + when + ".");
    }

    private static String humanOffset(long minutes) {
        if (minutes % 60 != 0) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
