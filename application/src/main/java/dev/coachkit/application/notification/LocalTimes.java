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
        return DAY_AND_TIME.format(instant.atZone(zone.zone())) + " (" + zone.id() + ")";
    }

    /**
     * {@code Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)}; a span past midnight names both days:
     * {@code Tue 8 Dec 2026, 23:30 – Wed 9 Dec 2026, 00:30 (Europe/Berlin)}.
     */
    static String span(Instant start, Instant end, IanaTimeZone zone) {
        ZonedDateTime from = start.atZone(zone.zone());
        ZonedDateTime to = end.atZone(zone.zone());
        String until = from.toLocalDate().equals(to.toLocalDate())
                ? DAY_AND_TIME.format(from) + "–" + TIME.format(to)
                : DAY_AND_TIME.format(from) + " – " + DAY_AND_TIME.format(to);
        return until + " (" + zone.id() + ")";
    }
}
