package dev.coachkit.adapters.http.scheduling;

import dev.coachkit.adapters.http.scheduling.SchedulingRequests.AvailabilityRequest;
import dev.coachkit.adapters.http.scheduling.SchedulingRequests.BookRequest;
import dev.coachkit.adapters.http.scheduling.SchedulingRequests.SlotRequest;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.AvailabilityResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.AvailabilityWithOpeningsResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.OpeningResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.SessionResponse;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.SessionStatusName;
import dev.coachkit.adapters.http.scheduling.SchedulingResponses.SlotResponse;
import java.time.DayOfWeek;
import dev.coachkit.domain.scheduling.PaidWith;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Example bodies of the availability and booking flows; the build checks them against their schemas. */
final class SchedulingExamples {

    private static final UUID COACH = UUID.fromString("3f2a9c4e-8b1d-4e6f-9a7c-2d5e8f1b3c60");
    private static final UUID ATHLETE = UUID.fromString("a4d7e1f0-2c3b-4e5d-8f6a-9b0c1d2e3f40");
    private static final UUID SPACE = UUID.fromString("5b8e2f1a-9c4d-4b7e-a3f6-0d1c2b3a4e5f");
    private static final String ZONE = "Europe/Berlin";
    private static final Instant UPDATED = Instant.parse("2026-03-01T08:00:00Z");
    // Monday 9 March 2026, 10:00-11:00 in Berlin (UTC+1 before the switch to summer time)
    private static final Instant STARTS = Instant.parse("2026-03-09T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-03-09T10:00:00Z");

    static final AvailabilityRequest SET_AVAILABILITY = new AvailabilityRequest(COACH, ZONE, List.of(
            new SlotRequest(DayOfWeek.MONDAY, "09:00", "12:00"),
            new SlotRequest(DayOfWeek.THURSDAY, "14:00", "18:00")), false);
    private static final List<SlotResponse> SLOTS = List.of(
            new SlotResponse(DayOfWeek.MONDAY, "09:00", "12:00"),
            new SlotResponse(DayOfWeek.THURSDAY, "14:00", "18:00"));
    static final AvailabilityResponse AVAILABILITY = new AvailabilityResponse(COACH, ZONE, SLOTS, UPDATED, false);
    static final AvailabilityWithOpeningsResponse OPENINGS = new AvailabilityWithOpeningsResponse(COACH, ZONE, SLOTS,
            UPDATED, false, Instant.parse("2026-03-09T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"), List.of(
                    new OpeningResponse(Instant.parse("2026-03-09T08:00:00Z"), STARTS),
                    new OpeningResponse(ENDS, Instant.parse("2026-03-09T11:00:00Z"))));
    static final BookRequest BOOK = new BookRequest(COACH, STARTS, ENDS, ATHLETE, SPACE, "Second serve, kick", null);
    static final SessionResponse BOOKED = new SessionResponse(
            UUID.fromString("d3e5f7a9-1b2c-4d3e-9f4a-5b6c7d8e9f0a"), COACH, ATHLETE, SPACE, STARTS, ENDS,
            SessionStatusName.SCHEDULED, BOOK.notes(), null, UPDATED.plusSeconds(7200), null, null, PaidWith.NONE, null);

    private SchedulingExamples() {}
}
