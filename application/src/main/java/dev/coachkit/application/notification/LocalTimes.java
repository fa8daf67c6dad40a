package dev.coachkit.application.notification;

import dev.coachkit.domain.identity.IanaTimeZone;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a person reads them in notification texts and e-mails: on their wall clock, in their zone, with
 * the zone's name, e.g. {@code Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)}. English like the texts around.
 */
final class LocalTimes {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private LocalTimes() {}

    /** {@code Tue 8 Dec 2026, 14:00 (Europe/Berlin)}. */
    static String at(Instant instant, IanaTimeZone zone) {
        return onClock(DAY_AND_TIME, instant.atZone(zone.zone())) + " (" + zone.id() + ")";
    }

    /**
     * {@code Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)}; a span past midnight names both days:
     * {@code Tue 8 Dec 2026, 23:30 – Wed 9 Dec 2026, 00:30 (Europe/Berlin)}.
     */
    static String span(Instant start, Instant end, IanaTimeZone zone) {
        ZonedDateTime from = start.atZone(zone.zone());
        ZonedDateTime to = end.atZone(zone.zone());
        String until = from.toLocalDate().equals(to.toLocalDate())
                ? onClock(DAY_AND_TIME, from) + "–" + onClock(TIME, to)
                : onClock(DAY_AND_TIME, from) + " – " + onClock(DAY_AND_TIME, to);
        return until + " (" + zone.id() + ")";
    }

    /**
     * The wall-clock time, with its offset when the clock shows it twice (the hour repeated when clocks go
     * back): {@code 02:30 UTC+01:00}. A skipped hour needs nothing, as no instant falls in it.
     */
    private static String onClock(DateTimeFormatter format, ZonedDateTime time) {
        boolean shownTwice = time.getZone().getRules().getValidOffsets(time.toLocalDateTime()).size() > 1;
        return format.format(time) + (shownTwice ? " UTC" + time.getOffset().getId() : "");
    }
}
