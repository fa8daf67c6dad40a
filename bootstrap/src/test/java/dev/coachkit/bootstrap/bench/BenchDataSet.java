package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.crypto.passwords.Argon2PasswordHasher;
import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The API benchmark's data set, loaded straight into a freshly migrated database by set-based SQL
 * ({@code bench-data.sql}: INSERT ... SELECT over generate_series, all tenants per statement) as the
 * owner, then vacuumed and analyzed. Every account signs in with the one password whose hash the caller
 * gives; what the benchmark needs to drive the API comes back as a {@link DataSet}.
 */
public final class BenchDataSet {

    /** Every member of a space-owning tenant belongs to this many spaces (or all, when there are fewer). */
    public static final int SPACES_PER_MEMBER = 10;
    /** Each coach's sessions: this many a week, Monday, Wednesday and Friday, one hour each. */
    public static final int SESSIONS_PER_COACH_PER_WEEK = 3;
    /** Sessions run from this many weeks before the load's week to this many after it (exclusive). */
    public static final int SESSION_WEEKS_BACK = 26;
    public static final int SESSION_WEEKS_AHEAD = 26;
    /**
     * No seeded session runs at or after this time of day (UTC): every coach is free from here to 24:00
     * UTC on every day, inside an availability that covers the whole week, so a booking there succeeds
     * unless the benchmark itself took the slot.
     */
    public static final LocalTime FREE_FROM_UTC = LocalTime.of(19, 0);

    private static final String SCRIPT = "bench-data.sql";
    private static final List<String> LOADED_TABLES = List.of("tenants", "accounts", "memberships", "spaces",
            "space_members", "posts", "comments", "availabilities", "availability_slots", "sessions");

    private BenchDataSet() {}

    /**
     * How much to load. Per tenant: one ADMIN, a tenth of the members COACH (at least one), the rest
     * ATHLETE; spaces owned by the coaches in turn, every other one private; posts spread over the spaces.
     */
    public record Scale(int tenants, int membersPerTenant, int spacesPerTenant, int postsPerTenant) {

        public Scale {
            if (tenants < 1 || membersPerTenant < 3 || spacesPerTenant < 1 || postsPerTenant < 0) {
                throw new IllegalArgumentException("a scale needs a tenant, 3 members (admin, coach, athlete)"
                        + " and a space per tenant: " + tenants + ", " + membersPerTenant + ", " + spacesPerTenant
                        + ", " + postsPerTenant);
            }
        }

        /** 20 tenants of 200 members (1 admin, 20 coaches, 179 athletes), 50 spaces and 20,000 posts each. */
        public static Scale defaults() {
            return new Scale(20, 200, 50, 20_000);
        }

        /** A tiny version for a CI smoke run: 2 tenants of 10 members, 3 spaces and 200 posts each. */
        public static Scale smoke() {
            return new Scale(2, 10, 3, 200);
        }

        public int coaches() {
            return Math.max(1, membersPerTenant / 10);
        }

        public int athletes() {
            return membersPerTenant - 1 - coaches();
        }

        /** The seeded sessions per tenant: each coach's weeks times sessions a week. */
        public long sessionsPerTenant() {
            return (long) coaches() * (SESSION_WEEKS_BACK + SESSION_WEEKS_AHEAD) * SESSIONS_PER_COACH_PER_WEEK;
        }
    }

    /**
     * Loads {@code scale} into {@code database}, which must hold no tenant yet, as its owner (a superuser:
     * row-level security is switched off for the load, so a role it would bind fails instead of loading
     * nothing). Prints the load time and row counts.
     */
    public static DataSet load(TestDatabase database, Scale scale, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        long started = System.nanoTime();
        List<String> slowSteps = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.owner().jdbcUrl())) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String setting : List.of("SET TIME ZONE 'UTC'", "SET row_security = off",
                        "SET work_mem = '256MB'", "SET maintenance_work_mem = '256MB'", "SET jit = off",
                        "SET synchronous_commit = off")) {
                    statement.execute(setting);
                }
                requireNoTenant(statement);
                defineScale(connection, scale, passwordHash);
                for (String sql : statements(script())) {
                    timed(slowSteps, label(sql), () -> statement.execute(sql));
                }
                timed(slowSteps, "VACUUM (ANALYZE)", () -> {
                    for (String table : LOADED_TABLES) {
                        statement.execute("VACUUM (ANALYZE) " + table);
                    }
                });
            }
            DataSetReader reader = new DataSetReader(connection);
            DataSet.Counts counts = reader.counts();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("bench data set %s loaded in %.1f s%s: %s%n", scale, seconds(took),
                    slowSteps.isEmpty() ? "" : " (" + String.join(", ", slowSteps) + ")", counts);
            return new DataSet(reader.tenants(), counts, took);
        } catch (SQLException e) {
            throw new IllegalStateException("loading the bench data set failed: " + e.getMessage(), e);
        }
    }

    /** Loads the default scale into a fresh database on the test server and prints what it took; run by hand. */
    public static void main(String[] args) {
        Scale scale = Boolean.getBoolean("coachkit.bench.smoke") ? Scale.smoke() : Scale.defaults();
        String hash = new Argon2PasswordHasher().hash("bench password");
        PostgresServer server = PostgresServer.shared();
        System.out.println("PostgreSQL " + server.origin() + ", scale " + scale);
        DataSet data = load(TestDatabase.createOn(server), scale, hash);
        System.out.println("first tenant " + data.tenants().get(0).id() + ", admin "
                + data.tenants().get(0).admin().email());
    }

    private static void requireNoTenant(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("SELECT count(*) FROM tenants")) {
            rows.next();
            if (rows.getLong(1) != 0) {
                throw new IllegalStateException("the bench data set loads into a fresh database; this one has "
                        + rows.getLong(1) + " tenants");
            }
        }
    }

    /** The one row every statement of the script reads its sizes from, and the load's "now". */
    private static void defineScale(Connection connection, Scale scale, String passwordHash) throws SQLException {
        try (PreparedStatement define = connection.prepareStatement("CREATE TEMP TABLE bench_scale AS SELECT"
                + " ?::int AS tenants, ?::int AS members, ?::int AS coaches, ?::int AS spaces,"
                + " ?::int AS spaces_per_member, ?::int AS posts, ?::text AS password_hash, now() AS at")) {
            define.setInt(1, scale.tenants());
            define.setInt(2, scale.membersPerTenant());
            define.setInt(3, scale.coaches());
            define.setInt(4, scale.spacesPerTenant());
            define.setInt(5, Math.min(SPACES_PER_MEMBER, scale.spacesPerTenant()));
            define.setInt(6, scale.postsPerTenant());
            define.setString(7, passwordHash);
            define.execute();
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE bench_scale");
        }
    }

    /** Runs {@code step}, noting it in {@code slowSteps} when it took a second or more. */
    private static void timed(List<String> slowSteps, String label, SqlStep step) throws SQLException {
        long started = System.nanoTime();
        step.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.toMillis() >= 1_000) {
            slowSteps.add(String.format("%s %.1f s", label, seconds(took)));
        }
    }

    /** A statement's first words up to its table, e.g. {@code INSERT INTO posts}. */
    private static String label(String sql) {
        String first = sql.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .findFirst().orElse(sql);
        return first.split("\\s*\\(|\\s+AS\\b|\\s+SELECT\\b")[0];
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }

    /** The script's statements: each ends with a semicolon at the end of a line; comment-only parts are dropped. */
    static List<String> statements(String script) {
        return Arrays.stream(script.split(";\\s*\\R"))
                .filter(part -> part.lines().anyMatch(line -> !line.isBlank() && !line.strip().startsWith("--")))
                .toList();
    }

    private static String script() {
        try (InputStream in = BenchDataSet.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
