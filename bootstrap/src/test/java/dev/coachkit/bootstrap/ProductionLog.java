package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Logging as the jar does it: the main {@code logback.xml} (the test classpath also holds the adapters'
 * {@code logback-test.xml}, which logback would prefer), with stdout captured while still shown. Closing
 * puts the test configuration and stdout back.
 */
final class ProductionLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original = System.out;
    private boolean closed;

    private ProductionLog() {}

    static ProductionLog capture() throws JoranException {
        // first use configures the test logging, whose status lines (a duplicate logback-test.xml) are not ours
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ProductionLog log = new ProductionLog();
        System.setOut(new PrintStream(new Tee(log.original, log.captured), true, StandardCharsets.UTF_8));
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(CoachKitServer.class.getResource("/logback.xml"));
        return log;
    }

    /** Everything written to stdout so far. */
    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** Each line as JSON; fails on the first line that is not one JSON object. */
    List<JsonNode> lines() {
        return text().lines().map(line -> {
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node != null && node.isObject()).as("a JSON object: %s", line).isTrue();
                return node;
            } catch (IOException notJson) {
                throw new AssertionError("not a JSON log line: " + line, notJson);
            }
        }).toList();
    }

    /** Waits until {@code text} was logged (workers log asynchronously). */
    void await(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!text().contains(text)) {
            assertThat(Instant.now()).as("'%s' logged within 15 s", text).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.setOut(original);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("could not restore the test logging configuration", e);
        }
    }

    /** Writes to stdout as before and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream shown;
        private final ByteArrayOutputStream kept;

        Tee(OutputStream shown, ByteArrayOutputStream kept) {
            this.shown = shown;
            this.kept = kept;
        }

        @Override
        public void write(int b) throws IOException {
            shown.write(b);
            synchronized (kept) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            shown.write(bytes, offset, length);
            synchronized (kept) {
                kept.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            shown.flush();
        }
    }
}
