package dev.coachkit.bootstrap;

import dev.coachkit.bootstrap.MixedWorkload.Answer;
import dev.coachkit.bootstrap.MixedWorkload.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What one phase of load got: the answers counted by kind and status ("no answer" and "undocumented answer" for
 * requests without a proper one), their latencies (reported, never asserted), the requests that could not be sent
 * at their time, and the first few answers that were not the expected ones, kept for the failure message.
 */
final class LoadTally {

    private static final int KEPT_SURPRISES = 10;

    private final Map<Kind, Map<String, LongAdder>> counts = new EnumMap<>(Kind.class);
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> surprises = new ConcurrentLinkedQueue<>();
    private final AtomicInteger surpriseCount = new AtomicInteger();
    private final LongAdder notSentOnTime = new LongAdder();
    private volatile long elapsedNanos;

    LoadTally() {
        for (Kind kind : Kind.values()) {
            counts.put(kind, new ConcurrentHashMap<>());
        }
    }

    void add(Answer answer) {
        counts.get(answer.kind()).computeIfAbsent(answer.outcome(), any -> new LongAdder()).increment();
        latencies.add(answer.nanos());
        if (!answer.expected() && surpriseCount.getAndIncrement() < KEPT_SURPRISES) {
            surprises.add(answer.kind() + " expected " + answer.kind().expectedStatus + ", got " + answer.outcome()
                    + ": " + answer.detail());
        }
    }

    /** The driver failed before a request had an answer: a fault of the test, counted among the unexpected. */
    void driverFault(Throwable fault) {
        if (surpriseCount.getAndIncrement() < KEPT_SURPRISES) {
            surprises.add("the driver failed: " + fault);
        }
    }

    /** A request of an open loop found no free sender at its time and was not sent. */
    void notSentOnTime() {
        notSentOnTime.increment();
    }

    void finish(long nanos) {
        elapsedNanos = nanos;
    }

    /** Requests that got an answer, of any status. */
    long answered() {
        return counts.values().stream().flatMap(byOutcome -> byOutcome.entrySet().stream())
                .filter(entry -> !entry.getKey().equals(MixedWorkload.NO_ANSWER))
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    double answeredPerSecond() {
        return answered() / (elapsedNanos / 1e9);
    }

    long notSent() {
        return notSentOnTime.sum();
    }

    /** Every outcome with its count over all kinds, by status (numbers sort before the failures). */
    Map<String, Long> byOutcome() {
        Map<String, Long> total = new TreeMap<>();
        counts.values().forEach(byOutcome -> byOutcome.forEach((outcome, count) -> total.merge(outcome, count.sum(),
                Long::sum)));
        return total;
    }

    /** How often each kind was answered with what, e.g. {@code BOOK_TAKEN 409×12}. */
    Map<Kind, String> byKind() {
        Map<Kind, String> described = new EnumMap<>(Kind.class);
        counts.forEach((kind, byOutcome) -> described.put(kind, new TreeMap<>(byOutcome).entrySet().stream()
                .map(entry -> entry.getKey() + "×" + entry.getValue().sum()).collect(Collectors.joining(" "))));
        return described;
    }

    /** How many answers were not what their kind expects (another status, or a failure). */
    long unexpected() {
        return surpriseCount.get();
    }

    List<String> firstUnexpected() {
        return List.copyOf(surprises);
    }

    /** Latency percentiles in milliseconds, for the report. */
    String latencies() {
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
