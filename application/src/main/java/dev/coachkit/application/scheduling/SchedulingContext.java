package dev.coachkit.application.scheduling;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.community.port.out.SpaceMemberRepository;
import dev.coachkit.application.community.port.out.SpaceRepository;
import dev.coachkit.application.composition.Assembly;
import dev.coachkit.application.composition.BoundedContext;
import dev.coachkit.application.events.EventRuntime;
import dev.coachkit.application.events.EventType;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.identity.port.out.MembershipRepository;
import dev.coachkit.application.identity.port.out.SecureTokens;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * Weekly availability, openings, booking and cancelling sessions, the calendar feed, and the reminder
 * job where the process runs the scheduler (given {@link DueReminders}). Paid bookings go through the
 * {@link BookingPayments} the host gives or the payments context (assembled before) provides; without
 * either, an athlete's booking of a coach who requires a credit is refused (402).
 */
public final class SchedulingContext implements BoundedContext<SchedulingModule> {

    @Override
    public Class<SchedulingModule> moduleType() {
        return SchedulingModule.class;
    }

    @Override
    public List<Class<?>> ports() {
        return List.of(UnitOfWork.class, AvailabilityRepository.class, SessionRepository.class,
                CalendarTokenRepository.class, MembershipRepository.class, SpaceRepository.class,
                SpaceMemberRepository.class, AuditLog.class, SecureTokens.class, IdGenerator.class, Clock.class);
    }

    @Override
    public List<EventType<?>> eventTypes() {
        return SchedulingEventTypes.all();
    }

    @Override
    public SchedulingModule assemble(Assembly a) {
        SchedulingModule scheduling = new SchedulingModule(new SchedulingModule.Ports(a.port(UnitOfWork.class), a.events(),
                a.port(AvailabilityRepository.class), a.port(SessionRepository.class),
                a.port(CalendarTokenRepository.class), a.port(MembershipRepository.class),
                a.port(SpaceRepository.class), a.port(SpaceMemberRepository.class), a.port(AuditLog.class),
                a.port(SecureTokens.class),
                a.optionalPort(BookingPayments.class).orElseGet(SchedulingModule::withoutPayments),
                a.port(IdGenerator.class), a.port(Clock.class)));
        a.optionalPort(DueReminders.class).ifPresent(due -> {
            RuntimeSettings runtime = a.setting(RuntimeSettings.class, RuntimeSettings.defaults());
            SessionReminders reminders = scheduling.reminders(due, runtime.reminderOffsets());
            a.job(new EventRuntime.Job("session reminders", runtime.reminderInterval(), () -> {
                int sent = reminders.runOnce();
                return sent > 0 ? Optional.of("recorded " + sent + " session reminder(s)") : Optional.empty();
            }));
        });
        return scheduling;
    }
}
