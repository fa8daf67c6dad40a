package dev.coachkit.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.shared.port.out.DependencyUnavailableException;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.Test;

/** Reads outside a unit of work report an unreachable database the way a unit of work does. */
class TenantTransactionsTest {

    private final TenantTransactions transactions = new TenantTransactions();

    @Test
    void a_read_outside_a_unit_of_work_reports_a_pool_without_connections_as_the_database_being_unavailable() {
        DSLContext unreachable = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                .set(new ConnectionProvider() {
                    @Override
                    public Connection acquire() {
                        throw new DataAccessException("no connection",
                                new SQLTransientConnectionException("timed out after 5000ms"));
                    }

                    @Override
                    public void release(Connection connection) {
                        // nothing was acquired
                    }
                }));

        assertThatThrownBy(() -> transactions.currentOr(unreachable, dsl -> dsl.fetchValue("select 1")))
                .isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void a_failure_that_is_no_outage_stays_what_it_is() {
        DSLContext refusing = DSL.using(new DefaultConfiguration().set(SQLDialect.POSTGRES)
                .set(new ConnectionProvider() {
                    @Override
                    public Connection acquire() {
                        throw new DataAccessException("permission denied for function membership_role");
                    }

                    @Override
                    public void release(Connection connection) {
                        // nothing was acquired
                    }
                }));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> transactions.currentOr(refusing, dsl -> dsl.fetchValue("select 1")));

        assertThat(failure).isInstanceOf(DataAccessException.class).isNotInstanceOf(DependencyUnavailableException.class);
    }
}
