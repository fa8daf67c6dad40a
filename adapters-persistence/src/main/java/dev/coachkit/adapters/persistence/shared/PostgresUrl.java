package dev.coachkit.adapters.persistence.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A PostgreSQL JDBC URL taken apart, so that the URL of another role on the same database can be
 * built from it. User and password given as URL parameters override any given separately, so the
 * runtime role's URL has to be assembled, not derived by adding parameters.
 */
public record PostgresUrl(String host, int port, String database, String user, String password) {

    public PostgresUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
    }

    public static PostgresUrl parse(String jdbcUrl) {
        Properties parts = Driver.parseURL(jdbcUrl, new Properties());
        if (parts == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        String user = parts.getProperty("user");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the JDBC URL names no user (add ?user=...)");
        }
        return new PostgresUrl(parts.getProperty("PGHOST"), Integer.parseInt(parts.getProperty("PGPORT", "5432")),
                parts.getProperty("PGDBNAME"), user, parts.getProperty("password"));
    }

    public PostgresUrl withUser(String otherUser, String otherPassword) {
        return new PostgresUrl(host, port, database, otherUser, otherPassword);
    }

    public PostgresUrl withDatabase(String otherDatabase) {
        return new PostgresUrl(host, port, otherDatabase, user, password);
    }

    public String jdbcUrl() {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + "?user=" + encode(user);
        return password == null ? url : url + "&password=" + encode(password);
    }

    /** The URL without the password, for logs and error messages. */
    @Override
    public String toString() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
