package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Replaces a coach's weekly availability: the coach their own, SCHEDULER and ADMIN any coach's. */
public interface SetAvailabilityUseCase {

    WeeklyAvailability set(Command command);

    /**
     * {@code coachId} empty: the caller's own calendar. {@code timeZone} is an IANA name; {@code requiresCredit}:
     * an athlete's booking of this coach spends a credit (empty: as before, false for a first availability).
     */
    record Command(Actor actor, Optional<AccountId> coachId, String timeZone, List<WeeklySlot> slots,
            Optional<Boolean> requiresCredit, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(coachId, "coachId");
            slots = List.copyOf(slots);
            Objects.requireNonNull(requiresCredit, "requiresCredit");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
