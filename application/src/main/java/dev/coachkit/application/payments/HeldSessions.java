package dev.coachkit.application.payments;

import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Lets go of sessions held for payment, inside the running unit of work; what another change came first to stays. */
final class HeldSessions {

    private final SessionRepository sessions;

    HeldSessions(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Expires the session if it is still held; true when this call expired it. */
    boolean expire(TenantId tenant, UUID sessionId) {
        Optional<Session> expired = sessions.find(tenant, sessionId).flatMap(Session::expireHold);
        return expired.isPresent() && sessions.transition(expired.get(), SessionStatus.PENDING_PAYMENT);
    }
}
