package dev.coachkit.application.scheduling;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.scheduling.port.in.SetAvailabilityUseCase;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** Replaces a coach's weekly availability after checking the zone, the slots and who may do it. */
public final class SetAvailabilityService implements SetAvailabilityUseCase {

    private final UnitOfWork unitOfWork;
    private final AvailabilityRepository availabilities;
    private final Calendars calendars;
    private final AuditTrail audit;
    private final Clock clock;

    SetAvailabilityService(UnitOfWork unitOfWork, AvailabilityRepository availabilities, Calendars calendars,
            AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.availabilities = availabilities;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WeeklyAvailability set(Command command) {
        Actor actor = command.actor();
        AccountId coach = command.coachId().orElse(actor.accountId());
        SchedulingPolicy.requireMayEditAvailability(actor, coach);
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            calendars.requireCoach(actor.tenantId(), coach);
            // an edit that does not say whether sessions cost a credit keeps what the coach had: never free by omission
            boolean requiresCredit = command.requiresCredit().orElseGet(() -> availabilities
                    .find(actor.tenantId(), coach).map(WeeklyAvailability::requiresCredit).orElse(false));
            WeeklyAvailability availability = new WeeklyAvailability(actor.tenantId(), coach,
                    WeeklyAvailability.zone(command.timeZone()), command.slots(),
                    // the database keeps microseconds: answer what a later read returns
                    clock.now().truncatedTo(ChronoUnit.MICROS), requiresCredit);
            availabilities.replace(availability);
            audit.record(actor.tenantId(), "availability.replaced", Optional.of(actor.accountId()), "coach", coach,
                    command.clientIp(), Map.of("timeZone", availability.timeZone().getId(),
                            "slots", availability.slots().size()));
            return availability;
        });
    }
}
