package dev.coachkit.domain.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns weekly wall-clock availability into concrete instants. Each local date of the window is
 * resolved in the coach's zone, so a 09:00 slot is 13:00Z on one date and 14:00Z on another when
 * daylight saving changes between them. A local time skipped by a spring-forward gap moves forward
 * by the gap's length (java.time's rule); a slot that falls entirely into the gap has no instants.
 */
public final class Openings {

    private Openings() {}

    /** The availability's intervals inside {@code window}, in time order, adjacent ones merged. */
    public static List<TimeRange> available(WeeklyAvailability availability, TimeRange window) {
        List<TimeRange> intervals = new ArrayList<>();
        // one day of margin on each side: a slot of the previous local date can reach into the window
        LocalDate first = window.start().atZone(availability.timeZone()).toLocalDate().minusDays(1);
        LocalDate last = window.end().atZone(availability.timeZone()).toLocalDate().plusDays(1);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (WeeklySlot slot : availability.slots()) {
                if (slot.dayOfWeek() != date.getDayOfWeek()) {
                    continue;
                }
                Instant start = ZonedDateTime.of(date, slot.startTime(), availability.timeZone()).toInstant();
                Instant end = ZonedDateTime.of(date, slot.endTime(), availability.timeZone()).toInstant();
                clip(start, end, window, intervals);
            }
        }
        return merged(intervals);
    }

    /** The free intervals: the availability inside {@code window} minus every {@code busy} interval. */
    public static List<TimeRange> free(WeeklyAvailability availability, TimeRange window, List<TimeRange> busy) {
        List<TimeRange> free = available(availability, window);
        for (TimeRange taken : busy) {
            List<TimeRange> remaining = new ArrayList<>();
            for (TimeRange range : free) {
                if (!range.overlaps(taken)) {
                    remaining.add(range);
                    continue;
                }
                clip(range.start(), taken.start(), range, remaining);
                clip(taken.end(), range.end(), range, remaining);
            }
            free = remaining;
        }
        return free;
    }

    /** Adds {@code [start, end)} cut to {@code bounds}, if anything of it is left. */
    private static void clip(Instant start, Instant end, TimeRange bounds, List<TimeRange> into) {
        Instant from = start.isAfter(bounds.start()) ? start : bounds.start();
        Instant to = end.isBefore(bounds.end()) ? end : bounds.end();
        if (to.isAfter(from)) {
            into.add(new TimeRange(from, to));
        }
    }

    private static List<TimeRange> merged(List<TimeRange> intervals) {
        List<TimeRange> sorted = intervals.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange next : sorted) {
            TimeRange previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !next.start().isAfter(previous.end())) {
                Instant end = next.end().isAfter(previous.end()) ? next.end() : previous.end();
                merged.set(merged.size() - 1, new TimeRange(previous.start(), end));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }
}
