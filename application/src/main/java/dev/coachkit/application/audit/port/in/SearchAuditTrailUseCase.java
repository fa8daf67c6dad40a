package dev.coachkit.application.audit.port.in;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** ADMIN reads the organization's audit trail, newest first, optionally filtered. */
public interface SearchAuditTrailUseCase {

    Page<AuditEntry> search(Query query);

    record Query(Actor actor, Filter filter, PageRequest page) {}

    /** Entries of an action, by an actor, recorded in {@code [from, to)}; empty means any. */
    record Filter(Optional<String> action, Optional<AccountId> actor, Optional<Instant> from, Optional<Instant> to) {

        public Filter {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
