package dev.coachkit.application.audit.port.out;

import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The tenant's append-only audit trail, inside the running unit of work of that tenant. */
public interface AuditLog {

    /** Which entries to list: every filter present must match; {@code from} inclusive, {@code to} exclusive. */
    record Filter(Optional<String> action, Optional<AccountId> actor, Optional<Instant> from, Optional<Instant> to) {
        public Filter {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    void record(AuditEntry entry);

    /** Entries of the unit's tenant matching the filter, newest first, keyset-paginated on (occurredAt, id). */
    Page<AuditEntry> search(Filter filter, PageRequest page);
}
