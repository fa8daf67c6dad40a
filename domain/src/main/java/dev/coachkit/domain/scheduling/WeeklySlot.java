package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** Recurring local wall-clock hours on one weekday, e.g. Monday 09:00–12:00 in the coach's zone. */
public record WeeklySlot(DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime) {

    public WeeklySlot {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (!startTime.isBefore(endTime)) {
            throw new InvalidInputException("slots", dayOfWeek + " " + startTime + "-" + endTime
                    + ": the start must be before the end");
        }
    }

    boolean overlaps(WeeklySlot other) {
        return dayOfWeek == other.dayOfWeek && startTime.isBefore(other.endTime) && other.startTime.isBefore(endTime);
    }

    @Override
    public String toString() {
        return dayOfWeek + " " + startTime + "-" + endTime;
    }
}
