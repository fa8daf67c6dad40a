package dev.coachkit.application.scheduling;

import dev.coachkit.application.scheduling.port.in.ListSessionsUseCase;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import java.time.Instant;
import java.util.Optional;

/** A page of sessions; anyone but SCHEDULER and ADMIN only ever sees sessions they take part in. */
public final class ListSessionsService implements ListSessionsUseCase {

    private final UnitOfWork unitOfWork;
    private final SessionRepository sessions;
    private final Clock clock;

    ListSessionsService(UnitOfWork unitOfWork, SessionRepository sessions, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Page<Session> sessions(Query query) {
        Actor actor = query.actor();
        ListSessionsUseCase.Filter asked = query.filter();
        Instant now = clock.now();
        asked.from().ifPresent(from -> Horizon.require("from", from, now));
        asked.to().ifPresent(to -> Horizon.require("to", to, now));
        SessionRepository.Filter visible = new SessionRepository.Filter(asked.from(), asked.to(), asked.coach(),
                asked.athlete(), asked.status(),
                SchedulingPolicy.actsForAnyone(actor) ? Optional.empty() : Optional.of(actor.accountId()));
        return unitOfWork.inTenant(actor.tenantId(), () -> sessions.list(actor.tenantId(), visible, query.page()));
    }
}
