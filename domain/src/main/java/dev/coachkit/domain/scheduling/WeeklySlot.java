package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Recurring local wall-clock hours on one weekday, e.g. Monday 09:00–12:00 in the coach's zone. An
 * end of {@link #END_OF_DAY} (written 24:00) runs to midnight, where the next day's slots may go on.
 */
public record WeeklySlot(DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime) {

    /** The end time that means 24:00, the midnight that ends the day. */
    public static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

    private static final long NANOS_PER_DAY = 24L * 60 * 60 * 1_000_000_000;

    public WeeklySlot {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (!startTime.isBefore(endTime) && !endsAtMidnight(endTime)) {
            throw new InvalidInputException("slots", dayOfWeek + " " + startTime + "-" + endTime
                    + ": the start must be before the end");
        }
    }

    /** Whether the slot runs until the end of its day (24:00). */
    public boolean endsAtMidnight() {
        return endsAtMidnight(endTime);
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return end.equals(END_OF_DAY);
    }

    boolean overlaps(WeeklySlot other) {
        return dayOfWeek == other.dayOfWeek && startTime.toNanoOfDay() < other.endNanoOfDay()
                && other.startTime.toNanoOfDay() < endNanoOfDay();
    }

    private long endNanoOfDay() {
        return endsAtMidnight() ? NANOS_PER_DAY : endTime.toNanoOfDay();
    }

    @Override
    public String toString() {
        return dayOfWeek + " " + startTime + "-" + (endsAtMidnight() ? "24:00" : endTime);
    }
}
