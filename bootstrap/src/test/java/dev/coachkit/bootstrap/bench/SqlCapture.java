package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.bootstrap.bench.BenchEndpoints.Endpoint;
import dev.coachkit.bootstrap.bench.BenchEndpoints.RequestLine;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL a request makes the server send, as PostgreSQL itself logs it: {@code log_statement = all}
 * is set for the benchmark's database only, and the lines a request adds to the server log are read
 * back with their bind parameters. This is the transaction that pgbench then replays as the baseline.
 */
final class SqlCapture {

    private static final Pattern EXECUTE = Pattern.compile(" LOG:  (?:execute [^:]*|statement): (.*)$");
    private static final Pattern PARAMETERS = Pattern.compile(" DETAIL:  parameters: (.*)$");

    /** One statement with its parameters as SQL literals ({@code 'text'} or {@code NULL}), by number. */
    record Statement(String sql, List<String> parameters) {

        /** The statement with each {@code $n} replaced by its literal. */
        String inlined() {
            String result = sql;
            for (int n = parameters.size(); n >= 1; n--) { // $12 before $1
                result = result.replace("$" + n, parameters.get(n - 1));
            }
            return result;
        }
    }

    /** The statements of one request and the pgbench script made of them. */
    record Captured(List<Statement> statements, String script) {}

    private static final int WARM_UP_REQUESTS = 5;
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final Path logFile;
    private final String logTag;

    private SqlCapture(Path logFile, String user, String database) {
        this.logFile = logFile;
        this.logTag = " " + user + "@" + database + " ";
    }

    /**
     * Capture of the runtime role's statements in {@code runtime}'s database. The log file is
     * {@code COACHKIT_BENCH_POSTGRES_LOG} or, on Debian, the one {@code pg_lsclusters} names for the port.
     */
    static SqlCapture of(PostgresUrl runtime) throws IOException, InterruptedException {
        Path log = Optional.ofNullable(System.getenv("COACHKIT_BENCH_POSTGRES_LOG")).map(Path::of)
                .orElse(debianClusterLog(runtime.port()));
        if (!Files.isReadable(log)) {
            throw new IllegalStateException("cannot read PostgreSQL's log " + log
                    + "; set COACHKIT_BENCH_POSTGRES_LOG to the server's log file");
        }
        return new SqlCapture(log, runtime.user(), runtime.database());
    }

    /** Turns statement logging on or off for new connections to the database (as the owner). */
    static void logStatements(PostgresUrl owner, boolean on) throws SQLException {
        try (Connection connection = DriverManager.getConnection(owner.jdbcUrl())) {
            connection.createStatement().execute("ALTER DATABASE \"" + owner.database() + "\" "
                    + (on ? "SET log_statement = 'all'" : "RESET log_statement"));
        }
    }

    /**
     * The transaction of one request of {@code endpoint}: a few requests first, so that what runs
     * once per connection or per process is over, then the captured one alone.
     */
    Captured capture(SignIns client, Endpoint endpoint) throws IOException, InterruptedException {
        for (int i = 1; i <= WARM_UP_REQUESTS; i++) {
            send(client, endpoint.requests().line(BenchEndpoints.CAPTURE, i));
        }
        RequestLine request = endpoint.requests().line(BenchEndpoints.CAPTURE, 0);
        long mark = mark();
        send(client, request);
        List<Statement> statements = committedSince(mark, endpoint.name());
        return new Captured(statements, PgbenchBaseline.script(statements, request.knownIds(),
                request.bookedInstants()));
    }

    /** The statements since {@code mark}, once the log holds their transaction's COMMIT. */
    private List<Statement> committedSince(long mark, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        while (true) {
            List<Statement> statements = since(mark);
            if (!statements.isEmpty() && statements.get(statements.size() - 1).sql().strip().equalsIgnoreCase("COMMIT")) {
                return statements;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no committed transaction of " + what + " reached " + logFile
                        + " within " + LOG_WAIT + "; seen: " + statements);
            }
            Thread.sleep(50);
        }
    }

    private static void send(SignIns client, RequestLine request) throws IOException, InterruptedException {
        client.send(request.method(), request.path(), request.token(), request.body(),
                request.method().equals("GET") ? 200 : 201);
    }

    /** Where the log ends now: statements after it belong to what runs next. */
    long mark() throws IOException {
        return Files.size(logFile);
    }

    /** The runtime role's statements logged since {@code mark}, in order. */
    List<Statement> since(long mark) throws IOException {
        List<Statement> statements = new ArrayList<>();
        String sql = null;
        for (String line : linesSince(mark)) {
            if (line.startsWith("\t") && sql != null) {
                sql += "\n" + line.substring(1);
                continue;
            }
            if (!line.contains(logTag)) {
                continue;
            }
            Matcher execute = EXECUTE.matcher(line);
            Matcher parameters = PARAMETERS.matcher(line);
            if (execute.find()) {
                if (sql != null) {
                    statements.add(new Statement(sql, List.of()));
                }
                sql = execute.group(1).isBlank() ? null : execute.group(1); // a connection check sends ""
            } else if (parameters.find() && sql != null) {
                statements.add(new Statement(sql, literals(parameters.group(1))));
                sql = null;
            }
        }
        if (sql != null) {
            statements.add(new Statement(sql, List.of()));
        }
        return statements;
    }

    private List<String> linesSince(long mark) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            byte[] added = new byte[(int) (file.length() - mark)];
            file.seek(mark);
            file.readFully(added);
            return new String(added, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** {@code $1 = 'a', $2 = NULL, $3 = 'it''s'} as {@code ['a', NULL, 'it''s']}. */
    static List<String> literals(String list) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            int equals = list.indexOf(" = ", i);
            int start = equals + 3;
            int end;
            if (list.startsWith("NULL", start)) {
                end = start + 4;
            } else {
                end = start + 1;
                while (true) {
                    int quote = list.indexOf('\'', end);
                    if (quote + 1 < list.length() && list.charAt(quote + 1) == '\'') {
                        end = quote + 2;
                    } else {
                        end = quote + 1;
                        break;
                    }
                }
            }
            values.add(list.substring(start, end));
            i = end + 2; // ", "
        }
        return values;
    }

    private static Path debianClusterLog(int port) throws IOException, InterruptedException {
        Process clusters = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
        String output = new String(clusters.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        clusters.waitFor();
        for (String line : output.lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 7 && columns[2].equals(Integer.toString(port))) {
                return Path.of(columns[6]);
            }
        }
        throw new IllegalStateException("pg_lsclusters names no cluster on port " + port
                + "; set COACHKIT_BENCH_POSTGRES_LOG to the server's log file");
    }
}
