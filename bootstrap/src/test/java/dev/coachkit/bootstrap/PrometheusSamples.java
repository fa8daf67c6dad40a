package dev.coachkit.bootstrap;

import java.util.Arrays;
import java.util.List;

/** One scrape of a server's {@code /metrics} (Prometheus text format), read by series name and labels. */
public final class PrometheusSamples {

    private final List<String> lines;

    private PrometheusSamples(String exposition) {
        this.lines = exposition.lines().filter(line -> !line.startsWith("#")).toList();
    }

    /** Scrapes {@code GET /metrics} of the process listening on {@code port}. */
    public static PrometheusSamples scrape(int port) {
        return new PrometheusSamples(new HttpProbe(port).get("/metrics").body());
    }

    /**
     * The sum of the samples of series {@code name} that carry every one of {@code labels}, each written as in
     * the exposition ({@code area="heap"}); with no labels, of all its samples.
     */
    public double sum(String name, String... labels) {
        return lines.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
