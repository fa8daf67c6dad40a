package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Cancels a session (its coach, its athlete, SCHEDULER, ADMIN), freeing the slot; records {@code session.cancelled}. */
public interface CancelSessionUseCase {

    Session cancel(Command command);

    record Command(Actor actor, UUID sessionId, Optional<String> reason, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
