package dev.coachkit.application.scheduling;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.scheduling.Openings;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.PaymentRequiredException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Books a session. A space it names must be one the booker may read (404 otherwise). Availability
 * and the future start are checked here (422); overlap with another scheduled or held session of the
 * coach is refused by the repository atomically (409), so two concurrent bookings of one slot cannot both
 * succeed. An athlete's booking of a coach who requires a credit is paid through {@link BookingPayments}
 * in the same unit of work: a credit spent, or the slot held for an order whose checkout opens once the
 * hold is committed (a provider call never runs inside a transaction).
 */
public final class BookSessionService implements BookSessionUseCase {

    private final UnitOfWork unitOfWork;
    private final AvailabilityRepository availabilities;
    private final SessionRepository sessions;
    private final Calendars calendars;
    private final BookingPayments payments;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    BookSessionService(UnitOfWork unitOfWork, AvailabilityRepository availabilities, SessionRepository sessions,
            Calendars calendars, BookingPayments payments, EventRecorder events, AuditTrail audit, IdGenerator ids,
            Clock clock) {
        this.unitOfWork = unitOfWork;
        this.availabilities = availabilities;
        this.sessions = sessions;
        this.calendars = calendars;
        this.payments = payments;
        this.events = events;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Booking book(Command command) {
        Actor actor = command.actor();
        TenantId tenant = actor.tenantId();
        AccountId athlete = command.athleteId().orElse(actor.accountId());
        if (athlete.equals(command.coachId())) {
            throw new InvalidInputException("athleteId", "must name someone other than the coach");
        }
        SchedulingPolicy.requireMayBook(actor, command.coachId(), athlete);
        Instant now = clock.now().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        Horizon.require("startsAt", command.startsAt(), now);
        Horizon.require("endsAt", command.endsAt(), now);
        Session session = Session.book(ids.newId(), tenant, command.coachId(), athlete, command.spaceId(),
                command.startsAt(), command.endsAt(), command.notes(), now);
        if (!session.startsAt().isAfter(now)) {
            throw new BusinessRuleException("a session must start in the future");
        }
        Session stored = unitOfWork.inTenant(tenant, () -> {
            calendars.requireCoach(tenant, session.coachId());
            calendars.requireMember(tenant, athlete, "athlete");
            session.spaceId().ifPresent(space -> calendars.requireReadableSpace(actor, space));
            WeeklyAvailability availability = requireWithinAvailability(session);
            boolean costsCredit = actor.role() == Role.ATHLETE && availability.requiresCredit();
            if (!costsCredit && command.productId().isPresent()) {
                throw new BusinessRuleException("productId applies only to an athlete's booking of a coach whose"
                        + " sessions cost a credit");
            }
            Session booked = costsCredit ? paid(session, command, now) : session;
            releaseLapsedHolds(booked, now);
            sessions.add(booked);
            if (booked.isScheduled()) {
                events.record(booked.scheduledBy(actor.accountId()));
            }
            audit.record(tenant, "session.booked", Optional.of(actor.accountId()), "session", booked.id(),
                    command.clientIp(), Map.of("coachId", booked.coachId().toString(),
                            "athleteId", athlete.toString(), "startsAt", booked.startsAt().toString(),
                            "status", booked.status().name(), "paidWith", booked.payment().paidWith().name()));
            return booked;
        });
        if (stored.isScheduled()) {
            return new Booking(stored, Optional.empty());
        }
        UUID orderId = stored.payment().orderId().orElseThrow();
        return new Booking(stored, Optional.of(new HeldOrder(orderId, payments.openCheckout(tenant, orderId))));
    }

    /**
     * Holds on the booking's time whose payment did not come in time give their slot up now, not only when the
     * scheduler next runs: an unpaid booking never blocks a slot beyond its hold.
     */
    private void releaseLapsedHolds(Session booking, Instant now) {
        sessions.scheduledOverlapping(booking.tenantId(), booking.coachId(), booking.time()).stream()
                .filter(held -> held.status() == SessionStatus.PENDING_PAYMENT && !held.isHeldAt(now))
                .forEach(lapsed -> lapsed.expireHold()
                        .ifPresent(expired -> sessions.transition(expired, SessionStatus.PENDING_PAYMENT)));
    }

    /** The athlete's booking paid with a credit, or held for the pack the command names (402 with neither). */
    private Session paid(Session booking, Command command, Instant now) {
        if (payments.spendCredit(booking, now)) {
            return booking.paidWithCredit();
        }
        UUID productId = command.productId().orElseThrow(() -> new PaymentRequiredException(
                "a session with this coach costs a credit and none is left; name a productId to buy a pack"));
        return payments.holdForPayment(booking, productId, command.actor(), now);
    }

    private WeeklyAvailability requireWithinAvailability(Session session) {
        WeeklyAvailability availability = availabilities.find(session.tenantId(), session.coachId())
                .orElseThrow(() -> new BusinessRuleException("the coach has published no availability"));
        boolean inside = Openings.available(availability, session.time()).stream()
                .anyMatch(range -> range.contains(session.time()));
        if (!inside) {
            throw new BusinessRuleException("the session is outside the coach's availability");
        }
        return availability;
    }
}
