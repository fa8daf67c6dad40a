package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Objects;

/** Sessions, earliest first: coaches and athletes see their own, SCHEDULER and ADMIN the whole tenant's. */
public interface ListSessionsUseCase {

    Page<Session> sessions(Query query);

    /** The filter's {@code participant} is set by the use case from the actor, never by the caller. */
    record Query(Actor actor, SessionRepository.Filter filter, PageRequest page) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(page, "page");
        }
    }
}
