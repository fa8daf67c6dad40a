package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Books a session inside the coach's availability, in the future, on a free slot of the coach's
 * calendar; records {@code session.scheduled}.
 */
public interface BookSessionUseCase {

    Session book(Command command);

    /** {@code athleteId} empty: the caller books for themself. */
    record Command(Actor actor, AccountId coachId, Instant startsAt, Instant endsAt, Optional<AccountId> athleteId,
            Optional<UUID> spaceId, Optional<String> notes, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(coachId, "coachId");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            Objects.requireNonNull(athleteId, "athleteId");
            Objects.requireNonNull(spaceId, "spaceId");
            Objects.requireNonNull(notes, "notes");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
