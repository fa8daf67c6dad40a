package dev.coachkit.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail can be appended to and read, never rewritten — not even by the owner. */
class AuditTrailAppendOnlyTest {

    private final TestDatabase database = TestDatabase.shared();
    private final UUID tenant = UUID.randomUUID();

    @Test
    void runtime_role_appends_and_reads_but_cannot_update_or_delete() throws SQLException {
        UUID entry = UUID.randomUUID();
        try (Connection runtime = runtimeIn(tenant)) {
            execute(runtime, "insert into audit_events (tenant_id, id, action, occurred_at) values (?, ?, 'x.done', now())",
                    tenant, entry);

            assertThat(execute(runtime, "select 1 from audit_events where tenant_id = ? and id = ?", tenant, entry))
                    .isTrue();
            assertSqlState(() -> execute(runtime, "update audit_events set action = 'x.undone' where id = ?", entry),
                    "42501");
            runtime.rollback();
            assertSqlState(() -> execute(runtime, "delete from audit_events where id = ?", entry), "42501");
        }
    }

    @Test
    void the_owner_is_stopped_by_the_trigger() throws SQLException {
        UUID entry = UUID.randomUUID();
        database.executeAsOwner(
                "insert into audit_events (tenant_id, id, action, occurred_at) values (?, ?, 'x.done', now())",
                tenant, entry);

        try (Connection owner = DriverManager.getConnection(database.owner().jdbcUrl())) {
            assertSqlState(() -> execute(owner, "update audit_events set action = 'x.undone' where id = ?", entry),
                    "42501");
            assertSqlState(() -> execute(owner, "delete from audit_events where id = ?", entry), "42501");
            assertSqlState(() -> execute(owner, "truncate audit_events"), "42501");
        }
    }

    private Connection runtimeIn(UUID tenantId) throws SQLException {
        Connection connection = DriverManager.getConnection(database.runtime().jdbcUrl());
        connection.setAutoCommit(false);
        execute(connection, "select set_config('app.tenant_id', ?, true)", tenantId.toString());
        return connection;
    }

    private static boolean execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.execute()) {
                return statement.getResultSet().next();
            }
            return statement.getUpdateCount() > 0;
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertSqlState(SqlAction action, String sqlState) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }
}
