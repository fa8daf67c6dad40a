package dev.coachkit.domain.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns weekly wall-clock availability into concrete instants. Each local date of the window is
 * resolved in the coach's zone, so a 09:00 slot is 13:00Z on one date and 14:00Z on another when
 * daylight saving changes between them. A slot covers exactly the instants whose local wall-clock
 * time lies inside it: on the night clocks go back it is an hour longer, and the part of a slot
 * that falls into a spring-forward gap does not exist (a slot entirely inside the gap is empty).
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
                Instant start = firstInstantOf(date.atTime(slot.startTime()), availability.timeZone());
                LocalDateTime localEnd = slot.endsAtMidnight() ? date.plusDays(1).atStartOfDay()
                        : date.atTime(slot.endTime());
                Instant end = lastInstantOf(localEnd, availability.timeZone());
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

    /** The first instant showing {@code local}; in a gap, where the gap ends (nothing earlier shows it). */
    private static Instant firstInstantOf(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }

    /** The last instant showing {@code local} when clocks show it twice; in a gap, where the gap ends. */
    private static Instant lastInstantOf(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
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
