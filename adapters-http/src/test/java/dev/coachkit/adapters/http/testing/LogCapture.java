package dev.coachkit.adapters.http.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Captures every event logged anywhere while open. Each event's MDC is copied on the logging thread, as
 * an asynchronous appender would, because logback reads it lazily and the test reads it later.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger root;

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(context);
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /** Captures from the root logger; events below a logger's level are not logged, so not captured. */
    public static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.start();
        capture.root.addAppender(capture);
        return capture;
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** The events of {@code loggerName}, oldest first. */
    public List<ILoggingEvent> of(String loggerName) {
        return events.stream().filter(event -> event.getLoggerName().equals(loggerName)).toList();
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
