package dev.coachkit.adapters.http.scheduling;

import dev.coachkit.application.scheduling.port.in.GetAvailabilityUseCase.CoachAvailability;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.domain.scheduling.PaidWith;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON response bodies of the Scheduling endpoints. */
final class SchedulingResponses {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private SchedulingResponses() {}

    /** One weekly slot as {@code HH:mm} wall-clock times; a slot running to midnight ends at {@code 24:00}. */
    record SlotResponse(DayOfWeek dayOfWeek, String startTime, String endTime) {
        static SlotResponse from(WeeklySlot slot) {
            return new SlotResponse(slot.dayOfWeek(), HH_MM.format(slot.startTime()),
                    slot.endsAtMidnight() ? "24:00" : HH_MM.format(slot.endTime()));
        }
    }

    /** A free interval of the coach's calendar, half-open: it ends where the next booking may start. */
    record OpeningResponse(Instant startsAt, Instant endsAt) {
        static OpeningResponse from(TimeRange range) {
            return new OpeningResponse(range.start(), range.end());
        }
    }

    /** {@code Availability}: a coach's weekly rules. */
    record AvailabilityResponse(UUID coachId, String timeZone, List<SlotResponse> slots, Instant updatedAt,
            boolean requiresCredit) {
        static AvailabilityResponse from(WeeklyAvailability availability) {
            return new AvailabilityResponse(availability.coachId().value(), availability.timeZone().getId(),
                    availability.slots().stream().map(SlotResponse::from).toList(), availability.updatedAt(),
                    availability.requiresCredit());
        }
    }

    /** {@code Availability} with the openings of the window {@code [from, to)}; no rules published: no zone. */
    record AvailabilityWithOpeningsResponse(UUID coachId, @Nullable String timeZone, List<SlotResponse> slots,
            @Nullable Instant updatedAt, boolean requiresCredit, Instant from, Instant to,
            List<OpeningResponse> openings) {
        static AvailabilityWithOpeningsResponse from(CoachAvailability availability) {
            return new AvailabilityWithOpeningsResponse(availability.coachId().value(),
                    availability.timeZone().map(ZoneId::getId).orElse(null),
                    availability.slots().stream().map(SlotResponse::from).toList(),
                    availability.updatedAt().orElse(null), availability.requiresCredit(), availability.window().start(),
                    availability.window().end(),
                    availability.openings().stream().map(OpeningResponse::from).toList());
        }
    }

    /**
     * {@code Session}; a paid booking's {@code orderId}, {@code holdExpiresAt} while it waits for the payment,
     * and, only in the answer to the booking that opened it, the {@code order} to pay.
     */
    record SessionResponse(UUID id, UUID coachId, UUID athleteId, @Nullable UUID spaceId, Instant startsAt, Instant endsAt,
            SessionStatusName status, @Nullable String notes, @Nullable String cancelReason, Instant createdAt,
            @Nullable Instant holdExpiresAt, @Nullable UUID orderId, PaidWith paidWith,
            @Nullable HeldOrderResponse order) {
        static SessionResponse from(Session session) {
            Session.Payment payment = session.payment();
            return new SessionResponse(session.id(), session.coachId().value(), session.athleteId().value(),
                    session.spaceId().orElse(null), session.startsAt(), session.endsAt(),
                    SessionStatusName.valueOf(session.status().name()), session.notes().orElse(null),
                    session.cancelReason().orElse(null), session.createdAt(), payment.holdExpiresAt().orElse(null),
                    payment.orderId().orElse(null), payment.paidWith(), null);
        }

        static SessionResponse from(BookSessionUseCase.Booking booking) {
            SessionResponse session = from(booking.session());
            return booking.order().map(order -> new SessionResponse(session.id(), session.coachId(),
                    session.athleteId(), session.spaceId(), session.startsAt(), session.endsAt(), session.status(),
                    session.notes(), session.cancelReason(), session.createdAt(), session.holdExpiresAt(),
                    session.orderId(), session.paidWith(), new HeldOrderResponse(order.id(), order.checkoutUrl())))
                    .orElse(session);
        }
    }

    /** The order a held booking waits on, and where to pay it before the hold expires. */
    record HeldOrderResponse(UUID id, String checkoutUrl) {}

    /** A session's status as the API spells it. */
    enum SessionStatusName { SCHEDULED, CANCELLED, PENDING_PAYMENT, EXPIRED }

    /** A page of sessions, earliest start first. */
    record SessionPage(List<SessionResponse> items, @Nullable String nextCursor) {
        static SessionPage from(Page<Session> page) {
            return new SessionPage(page.items().stream().map(SessionResponse::from).toList(),
                    page.next().map(Cursor::encode).orElse(null));
        }
    }

    /** A new calendar-feed secret and the URL to subscribe to; the token is shown only this once. */
    record CalendarTokenResponse(String token, String feedUrl) {}
}
