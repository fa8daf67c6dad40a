package dev.coachkit.application.admin;

import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.application.shared.port.out.Clock;
import java.util.Optional;

/** Cancels a person's upcoming sessions through the scheduling use case, so the other party is notified. */
final class UpcomingSessionsCanceller {

    static final String REASON = "The other participant left the organization.";

    private final SessionRepository sessions;
    private final CancelSessionUseCase cancel;
    private final Clock clock;

    UpcomingSessionsCanceller(SessionRepository sessions, CancelSessionUseCase cancel, Clock clock) {
        this.sessions = sessions;
        this.cancel = cancel;
        this.clock = clock;
    }

    /**
     * Runs inside the caller's unit of work; answers how many sessions, scheduled or held, were cancelled. One
     * read per page of the person's upcoming sessions, whatever their status: those taking a coach's time go.
     */
    int cancelUpcomingOf(Actor admin, AccountId person, Optional<String> clientIp) {
        SessionRepository.Filter upcoming = new SessionRepository.Filter(Optional.of(clock.now()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(person));
        int cancelled = 0;
        Page<Session> page = sessions.list(admin.tenantId(), upcoming, PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            for (Session session : page.items()) {
                if (session.status().occupiesCalendar()) {
                    cancel.cancel(new CancelSessionUseCase.Command(admin, session.id(), Optional.of(REASON), clientIp));
                    cancelled++;
                }
            }
            if (page.next().isEmpty()) {
                return cancelled;
            }
            page = sessions.list(admin.tenantId(), upcoming, PageRequest.first(PageRequest.MAX_LIMIT)
                    .after(page.next().get()));
        }
    }
}
