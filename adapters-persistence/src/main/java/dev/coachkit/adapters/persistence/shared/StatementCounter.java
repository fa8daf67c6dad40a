package dev.coachkit.adapters.persistence.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts every SQL statement the adapters send, as {@code coachkit_sql_statements_total}: the figure
 * behind "one round trip per statement, no N+1" in tests and in production metrics.
 */
public final class StatementCounter implements ExecuteListener {

    private final Counter statements;

    public StatementCounter(MeterRegistry meters) {
        this.statements = Counter.builder("coachkit.sql.statements")
                .description("SQL statements sent to PostgreSQL by the runtime role's pool").register(meters);
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        statements.increment();
    }
}
