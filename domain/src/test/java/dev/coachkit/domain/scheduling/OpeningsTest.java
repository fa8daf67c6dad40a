package dev.coachkit.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpeningsTest {

    private static final TenantId TENANT = TenantId.of(UUID.fromString("a0000000-0000-4000-8000-000000000001"));
    private static final AccountId COACH = AccountId.of(UUID.fromString("c0000000-0000-4000-8000-000000000001"));

    private static WeeklyAvailability availability(String zone, WeeklySlot... slots) {
        return new WeeklyAvailability(TENANT, COACH, ZoneId.of(zone), List.of(slots), Instant.EPOCH, false);
    }

    private static WeeklySlot slot(DayOfWeek day, String start, String end) {
        return new WeeklySlot(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void nine_oclock_in_new_york_moves_an_hour_earlier_in_utc_when_daylight_saving_starts() {
        WeeklyAvailability weekdays = availability("America/New_York", slot(DayOfWeek.FRIDAY, "09:00", "12:00"),
                slot(DayOfWeek.MONDAY, "09:00", "12:00"));

        // DST starts Sunday 2027-03-14 in the US
        assertThat(Openings.available(weekdays, range("2027-03-12T00:00:00Z", "2027-03-16T00:00:00Z")))
                .containsExactly(range("2027-03-12T14:00:00Z", "2027-03-12T17:00:00Z"),
                        range("2027-03-15T13:00:00Z", "2027-03-15T16:00:00Z"));
    }

    @Test
    void nine_oclock_in_berlin_moves_an_hour_later_in_utc_when_daylight_saving_ends() {
        WeeklyAvailability weekdays = availability("Europe/Berlin", slot(DayOfWeek.FRIDAY, "09:00", "10:00"),
                slot(DayOfWeek.MONDAY, "09:00", "10:00"));

        // DST ends Sunday 2026-10-25 in the EU
        assertThat(Openings.available(weekdays, range("2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z")))
                .containsExactly(range("2026-10-23T07:00:00Z", "2026-10-23T08:00:00Z"),
                        range("2026-10-26T08:00:00Z", "2026-10-26T09:00:00Z"));
    }

    @Test
    void a_slot_on_the_night_of_the_change_spans_its_real_length() {
        WeeklyAvailability sundayNight = availability("Europe/Berlin", slot(DayOfWeek.SUNDAY, "01:00", "04:00"));

        // 2026-10-25: 02:00-03:00 happens twice, so 01:00-04:00 local lasts four hours
        assertThat(Openings.available(sundayNight, range("2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")))
                .containsExactly(range("2026-10-24T23:00:00Z", "2026-10-25T03:00:00Z"));
    }

    @Test
    void a_slot_inside_the_spring_forward_gap_has_no_openings() {
        WeeklyAvailability gap = availability("Europe/Berlin", slot(DayOfWeek.SUNDAY, "02:00", "02:59"));

        // 2027-03-28: clocks jump from 02:00 to 03:00 in Berlin
        assertThat(Openings.available(gap, range("2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z"))).isEmpty();
    }

    @Test
    void a_slot_reaching_into_the_spring_forward_gap_ends_where_the_gap_begins() {
        WeeklyAvailability night = availability("Europe/Berlin", slot(DayOfWeek.SUNDAY, "01:00", "02:30"),
                slot(DayOfWeek.SUNDAY, "02:30", "04:00"));

        // 01:00-02:00 CET is 00:00-01:00Z; 03:00-04:00 CEST is 01:00-02:00Z: two real hours, back to back
        assertThat(Openings.available(night, range("2027-03-27T12:00:00Z", "2027-03-29T00:00:00Z")))
                .containsExactly(range("2027-03-28T00:00:00Z", "2027-03-28T02:00:00Z"));
    }

    @Test
    void a_morning_slot_in_tokyo_crosses_midnight_utc_and_belongs_to_the_local_weekday() {
        WeeklyAvailability morning = availability("Asia/Tokyo", slot(DayOfWeek.TUESDAY, "07:00", "10:00"));

        // Tuesday 07:00-10:00 in Tokyo is Monday 22:00 to Tuesday 01:00 UTC
        assertThat(Openings.available(morning, range("2026-11-30T00:00:00Z", "2026-12-02T00:00:00Z")))
                .containsExactly(range("2026-11-30T22:00:00Z", "2026-12-01T01:00:00Z"));
    }

    @Test
    void the_window_clips_the_openings_and_a_slot_of_the_day_before_reaches_into_it() {
        WeeklyAvailability lateMonday = availability("America/Los_Angeles", slot(DayOfWeek.MONDAY, "15:00", "18:00"));

        // Monday 15:00-18:00 in Los Angeles is Monday 23:00 to Tuesday 02:00 UTC
        assertThat(Openings.available(lateMonday, range("2026-12-01T00:00:00Z", "2026-12-01T12:00:00Z")))
                .containsExactly(range("2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z"));
    }

    @Test
    void a_slot_ending_at_24_00_runs_to_midnight_and_joins_the_next_days_slot() {
        WeeklySlot lateMonday = new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(20, 0), WeeklySlot.END_OF_DAY);
        WeeklyAvailability night = availability("Europe/Berlin", lateMonday,
                slot(DayOfWeek.TUESDAY, "00:00", "02:00"));

        List<TimeRange> openings = Openings.available(night, range("2026-11-30T00:00:00Z", "2026-12-02T00:00:00Z"));

        // Monday 20:00 to Tuesday 02:00 in Berlin (CET) is 19:00Z to 01:00Z, one opening
        assertThat(openings).containsExactly(range("2026-11-30T19:00:00Z", "2026-12-01T01:00:00Z"));
        TimeRange acrossMidnight = range("2026-11-30T22:30:00Z", "2026-11-30T23:30:00Z");
        assertThat(openings.get(0).contains(acrossMidnight)).as("23:30-00:30 in Berlin").isTrue();
        assertThat(lateMonday).hasToString("MONDAY 20:00-24:00");
        assertThatThrownBy(() -> availability("UTC", lateMonday, slot(DayOfWeek.MONDAY, "23:00", "23:30")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void sessions_cut_openings_into_the_free_parts() {
        WeeklyAvailability monday = availability("UTC", slot(DayOfWeek.MONDAY, "09:00", "12:00"),
                slot(DayOfWeek.MONDAY, "12:00", "13:00"));
        TimeRange window = range("2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z");

        List<TimeRange> free = Openings.free(monday, window, List.of(
                range("2026-11-30T09:00:00Z", "2026-11-30T10:00:00Z"),
                range("2026-11-30T10:30:00Z", "2026-11-30T11:00:00Z"),
                range("2026-11-30T12:30:00Z", "2026-11-30T14:00:00Z")));

        assertThat(free).as("adjacent slots merge; back-to-back sessions leave no sliver").containsExactly(
                range("2026-11-30T10:00:00Z", "2026-11-30T10:30:00Z"),
                range("2026-11-30T11:00:00Z", "2026-11-30T12:30:00Z"));
    }

    @Test
    void no_availability_means_no_openings() {
        assertThat(Openings.free(availability("UTC"), range("2026-11-30T00:00:00Z", "2026-12-30T00:00:00Z"),
                List.of())).isEmpty();
    }

    @Test
    void overlapping_slots_of_a_day_an_unknown_zone_and_an_inverted_slot_are_invalid() {
        assertThatThrownBy(() -> availability("UTC", slot(DayOfWeek.MONDAY, "09:00", "12:00"),
                slot(DayOfWeek.MONDAY, "11:59", "13:00"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, "12:00", "12:00")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WeeklyAvailability.zone("Europe/Atlantis")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WeeklyAvailability.zone("+02:00")).isInstanceOf(InvalidInputException.class);
        assertThat(WeeklyAvailability.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void zones_are_names_of_the_iana_database_and_fixed_offsets_other_than_utc_are_refused() {
        assertThat(WeeklyAvailability.zone("CET")).isEqualTo(ZoneId.of("CET"));
        assertThat(WeeklyAvailability.zone("EST5EDT")).isEqualTo(ZoneId.of("EST5EDT"));
        assertThat(WeeklyAvailability.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
        for (String refused : List.of("Etc/GMT+5", "UTC+2", "GMT+02:00", "europe/berlin", "")) {
            assertThatThrownBy(() -> WeeklyAvailability.zone(refused)).as(refused)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
