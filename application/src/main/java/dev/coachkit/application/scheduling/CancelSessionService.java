package dev.coachkit.application.scheduling;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.scheduling.port.in.CancelSessionUseCase;
import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.Map;
import java.util.Optional;

/**
 * Cancels a session its caller may see, scheduled or held for payment; a session of someone else is not
 * found, a second cancel a conflict. A credit the session spent goes back as the refund window says, in the
 * same unit of work. Only a scheduled session's cancellation is announced: nobody was told of a hold.
 */
public final class CancelSessionService implements CancelSessionUseCase {

    private final UnitOfWork unitOfWork;
    private final SessionRepository sessions;
    private final BookingPayments payments;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final Clock clock;

    CancelSessionService(UnitOfWork unitOfWork, SessionRepository sessions, BookingPayments payments,
            EventRecorder events, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.payments = payments;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Session cancel(Command command) {
        Actor actor = command.actor();
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            Session session = sessions.find(actor.tenantId(), command.sessionId())
                    .filter(found -> SchedulingPolicy.maySee(actor, found))
                    .orElseThrow(() -> new NotFoundException("session", command.sessionId()));
            Session cancelled = session.cancel(command.reason(), clock.now());
            sessions.cancel(cancelled, session.status());
            payments.sessionCancelled(cancelled, actor);
            if (session.isScheduled()) {
                events.record(cancelled.cancelledBy(actor.accountId()));
            }
            audit.record(actor.tenantId(), "session.cancelled", Optional.of(actor.accountId()), "session",
                    cancelled.id(), command.clientIp(), Map.of("reason", cancelled.cancelReason().orElse("")));
            return cancelled;
        });
    }
}
