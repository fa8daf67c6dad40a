package dev.coachkit.application.scheduling;

import dev.coachkit.application.scheduling.port.in.GetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.scheduling.Openings;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The coach's rules and openings: availability in the window minus the coach's scheduled and held sessions. */
public final class GetAvailabilityService implements GetAvailabilityUseCase {

    private final UnitOfWork unitOfWork;
    private final AvailabilityRepository availabilities;
    private final SessionRepository sessions;
    private final Calendars calendars;
    private final Clock clock;

    GetAvailabilityService(UnitOfWork unitOfWork, AvailabilityRepository availabilities, SessionRepository sessions,
            Calendars calendars, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.availabilities = availabilities;
        this.sessions = sessions;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public CoachAvailability availability(Query query) {
        TimeRange window = window(query);
        TenantId tenant = query.actor().tenantId();
        Instant now = clock.now();
        return unitOfWork.inTenant(tenant, () -> {
            calendars.requireCoach(tenant, query.coachId());
            Optional<WeeklyAvailability> rules = availabilities.find(tenant, query.coachId());
            // a hold whose time ran out frees its slot at once, before the scheduler marks it EXPIRED
            List<TimeRange> busy = sessions.scheduledOverlapping(tenant, query.coachId(), window).stream()
                    .filter(session -> session.isScheduled() || session.isHeldAt(now))
                    .map(Session::time).toList();
            List<TimeRange> openings = rules.map(a -> Openings.free(a, window, busy)).orElse(List.of());
            return new CoachAvailability(query.coachId(), rules.map(WeeklyAvailability::timeZone),
                    rules.map(WeeklyAvailability::slots).orElse(List.of()), rules.map(WeeklyAvailability::updatedAt),
                    rules.map(WeeklyAvailability::requiresCredit).orElse(false), window, openings);
        });
    }

    private TimeRange window(Query query) {
        Instant now = clock.now();
        Instant from = query.from().map(instant -> Horizon.require("from", instant, now)).orElse(now);
        Instant to = query.to().map(instant -> Horizon.require("to", instant, now))
                .orElse(from.plus(DEFAULT_WINDOW));
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (to.isAfter(from.plus(MAX_WINDOW))) {
            throw new InvalidInputException("to", "the window is at most " + MAX_WINDOW.toDays() + " days");
        }
        return new TimeRange(from, to);
    }
}
