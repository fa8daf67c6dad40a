package dev.coachkit.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.util.PasswordUtil;

/**
 * Sets login passwords as SCRAM-SHA-256 verifiers computed here, so that the password itself never
 * travels to the server, where a statement log could keep it.
 */
public final class RolePasswords {

    private RolePasswords() {}

    /** {@code ALTER USER "role" PASSWORD 'SCRAM-SHA-256$...'}: a statement that holds no password, only its verifier. */
    public static String alterRoleStatement(String role, String password) {
        try {
            return PasswordUtil.genAlterUserPasswordSQL(role, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the SCRAM verifier of role " + role, e);
        }
    }

    /** Gives each role its password, connecting as {@code owner}. */
    public static void set(PostgresUrl owner, Map<String, String> passwordsByRole) {
        try (Connection connection = DriverManager.getConnection(owner.jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> role : passwordsByRole.entrySet()) {
                statement.execute(alterRoleStatement(role.getKey(), role.getValue()));
            }
        } catch (SQLException e) {
            // the message names the role at most; the statement, with its verifier, is not in it
            throw new IllegalStateException("cannot set the database roles' passwords as " + owner + ": "
                    + e.getMessage(), e);
        }
    }
}
