package dev.coachkit.application.admin;

import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.application.shared.port.out.Clock;
import java.util.List;
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

    /** Runs inside the caller's unit of work; answers how many sessions, scheduled or held, were cancelled. */
    int cancelUpcomingOf(Actor admin, AccountId person, Optional<String> clientIp) {
        int cancelled = 0;
        for (SessionStatus status : List.of(SessionStatus.SCHEDULED, SessionStatus.PENDING_PAYMENT)) {
            cancelled += cancelUpcomingOf(admin, person, status, clientIp);
        }
        return cancelled;
    }

    private int cancelUpcomingOf(Actor admin, AccountId person, SessionStatus status, Optional<String> clientIp) {
        SessionRepository.Filter upcoming = new SessionRepository.Filter(Optional.of(clock.now()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(status), Optional.of(person));
        int cancelled = 0;
        Page<Session> page = sessions.list(admin.tenantId(), upcoming, PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            List<Session> due = page.items();
            for (Session session : due) {
                cancel.cancel(new CancelSessionUseCase.Command(admin, session.id(), Optional.of(REASON), clientIp));
                cancelled++;
            }
            if (page.next().isEmpty()) {
                return cancelled;
            }
            page = sessions.list(admin.tenantId(), upcoming, PageRequest.first(PageRequest.MAX_LIMIT)
                    .after(page.next().get()));
        }
    }
}
