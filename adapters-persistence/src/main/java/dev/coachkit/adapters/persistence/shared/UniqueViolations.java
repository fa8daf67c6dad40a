package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.domain.shared.ConflictException;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/** Turns PostgreSQL's unique-violation into the domain's conflict, so races end in a 409, not a 500. */
public final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    public static void insertOrConflict(Runnable insert, Supplier<String> conflictMessage) {
        try {
            insert.run();
        } catch (DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new ConflictException(conflictMessage.get());
            }
            throw e;
        }
    }
}
