package dev.coachkit.application.scheduling;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.scheduling.port.in.BookSessionUseCase;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.in.GetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.in.GetCalendarFeedUseCase;
import dev.coachkit.application.scheduling.port.in.ListSessionsUseCase;
import dev.coachkit.application.scheduling.port.in.RotateCalendarTokenUseCase;
import dev.coachkit.application.scheduling.port.in.SetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.time.Duration;
import java.util.List;

/** The scheduling use cases, assembled once from the ports they share. */
public final class SchedulingModule {

    /**
     * The out ports scheduling needs, as given to the {@code CoachKit} builder; {@code payments} is the
     * payments context's, or one that refuses paid bookings ({@link #withoutPayments()}).
     */
    public record Ports(UnitOfWork unitOfWork, EventRecorder events, AvailabilityRepository availabilities,
            SessionRepository sessions, CalendarTokenRepository calendarTokens, MembershipRepository memberships,
            SpaceRepository spaces, SpaceMemberRepository spaceMembers, AuditLog auditLog, SecureTokens secureTokens,
            BookingPayments payments, IdGenerator ids, Clock clock) {}

    /** Where no payments context is assembled: athletes' bookings of coaches who require a credit are refused (402). */
    public static BookingPayments withoutPayments() {
        return new NoBookingPayments();
    }

    private final Ports ports;
    private final SetAvailabilityUseCase setAvailability;
    private final GetAvailabilityUseCase availability;
    private final BookSessionUseCase book;
    private final ListSessionsUseCase sessions;
    private final CancelSessionUseCase cancel;
    private final RotateCalendarTokenUseCase rotateCalendarToken;
    private final GetCalendarFeedUseCase calendarFeed;

    public SchedulingModule(Ports ports) {
        this.ports = ports;
        AuditTrail audit = new AuditTrail(ports.auditLog(), ports.ids(), ports.clock());
        Calendars calendars = new Calendars(ports.memberships(), ports.spaces(), ports.spaceMembers());
        UnitOfWork uow = ports.unitOfWork();
        this.setAvailability = new SetAvailabilityService(uow, ports.availabilities(), calendars, audit, ports.clock());
        this.availability = new GetAvailabilityService(uow, ports.availabilities(), ports.sessions(), calendars,
                ports.clock());
        this.book = new BookSessionService(uow, ports.availabilities(), ports.sessions(), calendars, ports.payments(),
                ports.events(), audit, ports.ids(), ports.clock());
        this.sessions = new ListSessionsService(uow, ports.sessions(), ports.clock());
        this.cancel = new CancelSessionService(uow, ports.sessions(), ports.payments(), ports.events(), audit,
                ports.clock());
        this.rotateCalendarToken = new RotateCalendarTokenService(uow, ports.calendarTokens(), ports.secureTokens(),
                ports.clock());
        this.calendarFeed = new GetCalendarFeedService(uow, ports.calendarTokens(), ports.sessions(), calendars,
                ports.clock());
    }

    public SetAvailabilityUseCase setAvailability() {
        return setAvailability;
    }

    public GetAvailabilityUseCase availability() {
        return availability;
    }

    public BookSessionUseCase book() {
        return book;
    }

    public ListSessionsUseCase sessions() {
        return sessions;
    }

    public CancelSessionUseCase cancel() {
        return cancel;
    }

    public RotateCalendarTokenUseCase rotateCalendarToken() {
        return rotateCalendarToken;
    }

    public GetCalendarFeedUseCase calendarFeed() {
        return calendarFeed;
    }

    /**
     * The scheduler's reminder job over {@code due}, the cross-tenant finder of the worker's adapter
     * family, sending a reminder each {@code offset} before every session.
     */
    public SessionReminders reminders(DueReminders due, List<Duration> offsets) {
        return new SessionReminders(ports.unitOfWork(), ports.sessions(), ports.events(), due, offsets,
                ports.clock());
    }
}
