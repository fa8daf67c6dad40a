package dev.coachkit.adapters.http.scheduling;

import dev.coachkit.application.scheduling.port.in.GetCalendarFeedUseCase.CalendarFeed;
import dev.coachkit.domain.scheduling.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a calendar feed as iCalendar (RFC 5545): CRLF line endings, content lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped, every time in UTC.
 */
final class ICalendarWriter {

    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private ICalendarWriter() {}

    static String write(CalendarFeed feed) {
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//CoachKit//Scheduling//EN");
        writer.line("CALSCALE:GREGORIAN");
        writer.line("METHOD:PUBLISH");
        writer.line("X-WR-CALNAME:" + escape("CoachKit sessions"));
        for (Session session : feed.sessions()) {
            writer.event(session, feed);
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(Session session, CalendarFeed feed) {
        boolean coaching = session.coachId().equals(feed.owner());
        line("BEGIN:VEVENT");
        line("UID:" + session.id() + "@coachkit");
        line("DTSTAMP:" + stamp(feed.generatedAt()));
        line("CREATED:" + stamp(session.createdAt()));
        line("DTSTART:" + stamp(session.startsAt()));
        line("DTEND:" + stamp(session.endsAt()));
        line("SUMMARY:" + escape(coaching ? "Coaching session (you coach)" : "Coaching session"));
        session.notes().ifPresent(notes -> line("DESCRIPTION:" + escape(notes)));
        // a cancellation is a new revision of the event, so calendar apps replace the one they hold
        line("SEQUENCE:" + (session.isScheduled() ? 0 : 1));
        line("STATUS:" + switch (session.status()) {
            case SCHEDULED -> "CONFIRMED";
            case PENDING_PAYMENT -> "TENTATIVE"; // held until it is paid
            case CANCELLED, EXPIRED -> "CANCELLED";
        });
        line("END:VEVENT");
    }

    private static String stamp(Instant instant) {
        return UTC_STAMP.format(instant);
    }

    /**
     * RFC 5545 3.3.11: backslash, semicolon and comma are escaped; line breaks become {@code \n}; other
     * control characters, which TEXT may not hold, are dropped (horizontal tab is allowed).
     */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        StringBuilder kept = new StringBuilder(escaped.length());
        escaped.codePoints().filter(c -> c == '\t' || !Character.isISOControl(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Appends one content line, folded: continuation lines start with a space, which counts toward their 75 octets. */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = utf8Width(codePoint);
            if (octets + width > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    /** How many octets UTF-8 takes for the code point (an unpaired surrogate counts as three, never less). */
    private static int utf8Width(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
