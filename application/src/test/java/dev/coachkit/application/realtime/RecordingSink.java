package dev.coachkit.application.realtime;

import static org.assertj.core.api.Assertions.fail;

import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Ending;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Sink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A sink that keeps what a stream was sent, as text lines ({@code post.created 12-3}, {@code ping}, {@code reset}, {@code end TOO_SLOW}). */
final class RecordingSink implements Sink {

    /** One event as sent. */
    record Sent(String id, String type, Map<String, Object> data) {}

    private final List<String> lines = new ArrayList<>();
    private final List<Sent> events = new ArrayList<>();
    private final boolean full;
    private boolean live;

    private RecordingSink(boolean full) {
        this.full = full;
    }

    static RecordingSink keepingUp() {
        return new RecordingSink(false);
    }

    /** A client whose buffer is full: every event is refused. */
    static RecordingSink neverReading() {
        return new RecordingSink(true);
    }

    @Override
    public synchronized boolean event(String id, String type, Map<String, Object> data) {
        if (full) {
            return false;
        }
        events.add(new Sent(id, type, data));
        lines.add(type + " " + id);
        return true;
    }

    @Override
    public synchronized void live() {
        live = true;
    }

    synchronized boolean isLive() {
        return live;
    }

    @Override
    public synchronized boolean ping() {
        lines.add("ping");
        return !full;
    }

    @Override
    public synchronized void reset() {
        lines.add("reset");
    }

    @Override
    public synchronized void end(Ending ending) {
        lines.add("end " + ending);
    }

    synchronized List<Sent> events() {
        return List.copyOf(events);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until the lines satisfy {@code condition}, failing after a few seconds with what was sent. */
    RecordingSink awaitLines(Predicate<List<String>> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.test(lines())) {
            if (Instant.now().isAfter(deadline)) {
                fail("the stream never got " + what + "; it got " + lines());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return this;
    }

    RecordingSink awaitEvents(int count) {
        return awaitLines(lines -> events().size() >= count, count + " events");
    }

    RecordingSink awaitEnd(Ending ending) {
        return awaitLines(lines -> lines.contains("end " + ending), "end " + ending);
    }
}
