package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Sessions, earliest first: coaches and athletes see their own, SCHEDULER and ADMIN the whole tenant's. */
public interface ListSessionsUseCase {

    Page<Session> sessions(Query query);

    /** Which sessions the caller asks for; whose sessions it may see follows from its role, not from the query. */
    record Query(Actor actor, Filter filter, PageRequest page) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(page, "page");
        }
    }

    /**
     * Which sessions the caller asks for: between {@code from} and {@code to}, of a coach, of an athlete,
     * in a status; empty fields do not filter.
     */
    record Filter(Optional<Instant> from, Optional<Instant> to, Optional<AccountId> coach, Optional<AccountId> athlete,
            Optional<SessionStatus> status) {

        public Filter {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(coach, "coach");
            Objects.requireNonNull(athlete, "athlete");
            Objects.requireNonNull(status, "status");
        }
    }
}
