package dev.coachkit.bootstrap.bench;

import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.bootstrap.bench.SqlCapture.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of an endpoint: pgbench replaying the transaction the server sent for one request
 * ({@link SqlCapture}), as the runtime role, with as many connections as the HTTP load has. So that
 * a write can repeat, what the server generated anew for each request is generated anew for each
 * transaction: ids first written by an INSERT become random UUIDs, and the instants of a booking
 * move by one hour per transaction of each client (the exclusion constraint forbids overlaps).
 * Everything else is replayed as captured, JSON payloads included.
 */
final class PgbenchBaseline {

    private static final Pattern UUID_LITERAL =
            Pattern.compile("'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'");
    private static final Pattern STRING_LITERAL = Pattern.compile("'([^']*)'");
    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: ([0-9]+)");
    private static final DateTimeFormatter POSTGRES_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .appendPattern("[XXX][X]").toFormatter(Locale.ROOT);

    private PgbenchBaseline() {}

    /** Transactions per second, their mean latency, and how many failed. */
    /** Transactions per second, their mean latency, failures, and the machine's CPU per transaction. */
    record Result(double tps, double meanLatencyMillis, long failed, double machineCpuMillisPerTransaction) {}

    /**
     * The pgbench script of {@code statements}. {@code knownIds} are the ids the request named (its
     * tenant, caller, path and body), never replaced; {@code movingInstants} are the booked instants.
     */
    static String script(List<Statement> statements, Set<String> knownIds, Set<Instant> movingInstants) {
        Map<String, String> generated = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>(knownIds);
        List<String> lines = new ArrayList<>();
        for (Statement statement : statements) {
            String sql = statement.inlined();
            boolean insert = sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("insert");
            Matcher ids = UUID_LITERAL.matcher(sql);
            while (ids.find()) {
                String id = ids.group(1);
                if (insert && !seen.contains(id) && !generated.containsKey(id)) {
                    generated.put(id, ":g" + (generated.size() + 1));
                }
                seen.add(id);
            }
            lines.add(sql);
        }
        List<String> script = new ArrayList<>();
        for (int i = 1; i <= generated.size(); i++) {
            script.add("\\set g" + i + " random(1, 9223372036854775806)");
        }
        if (!movingInstants.isEmpty()) {
            script.add("\\set n :n + 1");
        }
        for (String sql : lines) {
            String replaced = replaceIds(sql, generated);
            replaced = moveInstants(replaced, movingInstants);
            script.add(replaced.replace("\n", " ") + ";");
        }
        return String.join("\n", script) + "\n";
    }

    private static String replaceIds(String sql, Map<String, String> generated) {
        String result = sql;
        for (Map.Entry<String, String> id : generated.entrySet()) {
            result = result.replace("'" + id.getKey() + "'", "(md5(" + id.getValue() + "::text)::uuid)");
        }
        return result;
    }

    /**
     * Whole literals that are one of the instants, shifted by (1,000,000 + client × 100,000 + n) hours:
     * a century past anything the HTTP runs booked, and never the same hour twice.
     */
    private static String moveInstants(String sql, Set<Instant> instants) {
        if (instants.isEmpty()) {
            return sql;
        }
        Matcher literal = STRING_LITERAL.matcher(sql);
        StringBuilder result = new StringBuilder();
        while (literal.find()) {
            String text = literal.group(1);
            String replacement = parse(text).filter(instants::contains)
                    .map(at -> "('" + text + "'::timestamptz + (1000000 + :client_id * 100000 + :n) * interval '1 hour')")
                    .orElse(literal.group());
            literal.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        literal.appendTail(result);
        return result.toString();
    }

    private static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.replace('T', ' '), POSTGRES_TIMESTAMP).toInstant());
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }

    /** pgbench with {@code clients} connections as the runtime role for {@code seconds}. */
    static Result run(PostgresUrl runtime, String script, int clients, int seconds, Path workDir)
            throws IOException, InterruptedException {
        Path file = Files.writeString(workDir.resolve("baseline.sql"), script, StandardCharsets.UTF_8);
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-D", "n=0", "-c", Integer.toString(clients),
                "-j", "2", "-T", Integer.toString(seconds), "-f", file.toString(), "-h", runtime.host(), "-p",
                Integer.toString(runtime.port()), "-U", runtime.user(), runtime.database());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (runtime.password() != null) {
            builder.environment().put("PGPASSWORD", runtime.password());
        }
        MachineCpu.Reading before = MachineCpu.read();
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        double machineCpuSeconds = MachineCpu.secondsBetween(before, MachineCpu.read());
        Matcher tps = TPS.matcher(output);
        if (pgbench.waitFor() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed on\n" + script + "\n" + output);
        }
        Matcher latency = LATENCY.matcher(output);
        Matcher failed = FAILED.matcher(output);
        double transactions = Math.max(1, Double.parseDouble(tps.group(1)) * seconds);
        return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : 0,
                failed.find() ? Long.parseLong(failed.group(1)) : 0, machineCpuSeconds * 1000 / transactions);
    }
}
