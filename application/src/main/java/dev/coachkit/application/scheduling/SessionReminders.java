package dev.coachkit.application.scheduling;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.scheduling.port.out.DueReminders.DueReminder;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.scheduling.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's reminder job: records {@code session.reminder} for each due (session, offset),
 * exactly once. Several schedulers may run it at once and a restarted one may see the same due
 * reminders again: the claim, committed together with the event in the session's tenant, lets only
 * the first one through. A cancelled session is never claimed. When several offsets of a session
 * are due at once (after an outage), only the smallest is sent; the others are claimed silently.
 */
public final class SessionReminders {

    /** Reminders handled per run; a backlog is worked off over the following runs. */
    static final int BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final SessionRepository sessions;
    private final EventRecorder events;
    private final DueReminders due;
    private final List<Duration> offsets;
    private final Clock clock;

    SessionReminders(UnitOfWork unitOfWork, SessionRepository sessions, EventRecorder events, DueReminders due,
            List<Duration> offsets, Clock clock) {
        if (offsets.isEmpty() || offsets.stream().anyMatch(offset -> offset.isNegative() || offset.isZero())) {
            throw new IllegalArgumentException("reminder offsets must be positive: " + offsets);
        }
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.events = events;
        this.due = due;
        this.offsets = List.copyOf(offsets);
        this.clock = clock;
    }

    /** Sends what is due now; returns how many reminders this run recorded. */
    public int runOnce() {
        Instant now = clock.now();
        int sent = 0;
        for (DueReminder reminder : due.due(now, offsets, BATCH)) {
            if (send(reminder, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(DueReminder reminder, Instant now) {
        return unitOfWork.inTenant(reminder.tenantId(), () -> {
            Session session = sessions.find(reminder.tenantId(), reminder.sessionId())
                    .filter(Session::isScheduled).orElse(null);
            if (session == null
                    || !sessions.claimReminder(reminder.tenantId(), session.id(), reminder.offset(), now)
                    || supersededAt(session, reminder.offset(), now)) {
                return false;
            }
            events.record(session.reminderDue(reminder.offset(), now));
            return true;
        });
    }

    /**
     * Whether the moment of a smaller offset has passed as well (the scheduler was down): then only
     * that closer reminder is worth sending, and this one is claimed without an event, so that nobody
     * reads "starts in 24 hours" half an hour before the start.
     */
    private boolean supersededAt(Session session, Duration offset, Instant now) {
        return offsets.stream().anyMatch(smaller -> smaller.compareTo(offset) < 0
                && !session.startsAt().minus(smaller).isAfter(now));
    }
}
