package dev.coachkit.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.identity.IanaTimeZone;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How times read in notification texts and e-mails: the recipient's wall clock, day, and zone name. */
class LocalTimesTest {

    private static final Instant TUESDAY_13_UTC = Instant.parse("2026-12-08T13:00:00Z");

    @Test
    void a_span_on_one_day_names_the_day_once() {
        assertThat(LocalTimes.span(TUESDAY_13_UTC, TUESDAY_13_UTC.plusSeconds(3600), IanaTimeZone.of("Europe/Berlin")))
                .isEqualTo("Tue 8 Dec 2026, 14:00–15:00 (Europe/Berlin)");
        assertThat(LocalTimes.span(TUESDAY_13_UTC, TUESDAY_13_UTC.plusSeconds(5400), IanaTimeZone.UTC))
                .isEqualTo("Tue 8 Dec 2026, 13:00–14:30 (UTC)");
    }

    @Test
    void a_span_past_the_recipients_midnight_names_both_days() {
        assertThat(LocalTimes.span(TUESDAY_13_UTC, TUESDAY_13_UTC.plusSeconds(3600), IanaTimeZone.of("Pacific/Auckland")))
                .isEqualTo("Wed 9 Dec 2026, 02:00–03:00 (Pacific/Auckland)");
        assertThat(LocalTimes.span(Instant.parse("2026-12-08T22:30:00Z"), Instant.parse("2026-12-08T23:30:00Z"),
                IanaTimeZone.of("Europe/Berlin")))
                .isEqualTo("Tue 8 Dec 2026, 23:30 – Wed 9 Dec 2026, 00:30 (Europe/Berlin)");
    }

    @Test
    void summer_time_is_applied_where_the_zone_has_it() {
        Instant julyNoonUtc = Instant.parse("2026-07-07T12:00:00Z");

        assertThat(LocalTimes.at(julyNoonUtc, IanaTimeZone.of("Europe/Berlin")))
                .isEqualTo("Tue 7 Jul 2026, 14:00 (Europe/Berlin)");
        assertThat(LocalTimes.at(julyNoonUtc, IanaTimeZone.of("America/New_York")))
                .isEqualTo("Tue 7 Jul 2026, 08:00 (America/New_York)");
        assertThat(LocalTimes.at(julyNoonUtc, IanaTimeZone.of("Asia/Kolkata")))
                .as("a half-hour offset").isEqualTo("Tue 7 Jul 2026, 17:30 (Asia/Kolkata)");
    }

    @Test
    void in_the_hour_shown_twice_when_clocks_go_back_each_time_carries_its_offset() {
        assertThat(LocalTimes.span(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
                IanaTimeZone.of("Europe/Berlin")))
                .isEqualTo("Sun 25 Oct 2026, 02:30 UTC+02:00–02:30 UTC+01:00 (Europe/Berlin)");
    }

    @Test
    void across_the_hour_skipped_when_clocks_go_forward_the_times_need_no_offset() {
        assertThat(LocalTimes.span(Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T01:30:00Z"),
                IanaTimeZone.of("Europe/Berlin")))
                .isEqualTo("Sun 29 Mar 2026, 01:30–03:30 (Europe/Berlin)");
    }
}
