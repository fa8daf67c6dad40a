package dev.coachkit.application.scheduling.port.in;

import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.scheduling.WeeklySlot;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A coach's weekly rules and the concrete free openings in a window, for any member of the tenant. */
public interface GetAvailabilityUseCase {

    Duration DEFAULT_WINDOW = Duration.ofDays(14);
    Duration MAX_WINDOW = Duration.ofDays(62);

    CoachAvailability availability(Query query);

    /** {@code from} empty: now; {@code to} empty: {@link #DEFAULT_WINDOW} after {@code from}. */
    record Query(Actor actor, AccountId coachId, Optional<Instant> from, Optional<Instant> to) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(coachId, "coachId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The rules (no zone and no slots when the coach has published none) and the openings of the window. */
    record CoachAvailability(AccountId coachId, Optional<ZoneId> timeZone, List<WeeklySlot> slots,
            Optional<Instant> updatedAt, boolean requiresCredit, TimeRange window, List<TimeRange> openings) {}
}
