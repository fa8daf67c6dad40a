package dev.coachkit.adapters.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.application.scheduling.port.in.GetCalendarFeedUseCase.CalendarFeed;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ICalendarWriterTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final AccountId COACH = AccountId.of(UUID.randomUUID());
    private static final AccountId ATHLETE = AccountId.of(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    private static Session session(String notes) {
        return Session.book(UUID.fromString("5e551000-0000-4000-8000-000000000001"), TENANT, COACH, ATHLETE,
                Optional.empty(), Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-11-30T10:00:00Z"),
                Optional.of(notes), NOW);
    }

    private static String write(Session... sessions) {
        return ICalendarWriter.write(new CalendarFeed(ATHLETE, NOW, List.of(sessions)));
    }

    @Test
    void an_event_has_uid_stamp_utc_times_and_status_with_crlf_line_endings() {
        String calendar = write(session("shoes"));

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nUID:5e551000-0000-4000-8000-000000000001@coachkit\r\n", "\r\nDTSTAMP:20261125T101530Z\r\n",
                        "\r\nDTSTART:20261130T090000Z\r\n", "\r\nDTEND:20261130T100000Z\r\n", "\r\nSTATUS:CONFIRMED\r\n");
        assertThat(calendar.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void a_cancelled_session_is_a_cancelled_event() {
        assertThat(write(session("x").cancel(Optional.empty(), NOW))).contains("\r\nSTATUS:CANCELLED\r\n",
                "\r\nSEQUENCE:1\r\n");
    }

    @Test
    void text_is_escaped() {
        assertThat(ICalendarWriter.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
        assertThat(write(session("bring: shoes, water;\nand a towel"))).contains(
                "DESCRIPTION:bring: shoes\\, water\\;\\nand a towel\r\n");
    }

    @Test
    void control_characters_other_than_tab_are_dropped_from_text() {
        assertThat(ICalendarWriter.escape("a\u0000b\u0007c\td\u001be\u007ff\u0085g")).isEqualTo("abc\tdefg");
        assertThat(write(session("ring\u0007 the\u0000 bell\tnow"))).contains("DESCRIPTION:ring the bell\tnow\r\n");
    }

    @Test
    void long_lines_are_folded_at_75_octets_without_splitting_a_character() {
        String notes = "Übungen für Schwünge 🎾 ⛳ ".repeat(12);

        String calendar = write(session(notes));

        List<String> lines = Arrays.asList(calendar.split("\r\n"));
        assertThat(lines).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(lines.stream().filter(line -> line.startsWith(" "))).isNotEmpty();
        String unfolded = calendar.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:" + notes.strip() + "\r\n");
    }
}
