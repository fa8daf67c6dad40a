package dev.coachkit.domain.scheduling;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval of time {@code [start, end)}: a session ending at 10:00 and one starting at
 * 10:00 do not overlap, exactly like PostgreSQL's {@code tstzrange(start, end, '[)')}.
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time range ends after it starts: " + start + " - " + end);
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
