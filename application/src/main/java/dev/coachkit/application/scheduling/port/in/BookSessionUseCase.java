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
 * calendar; records {@code session.scheduled}. When the coach's availability requires a credit and an
 * ATHLETE books, one of the athlete's credits is spent with it; without one the booking needs payment
 * (402), unless it names a {@code productId}: then the slot is held (PENDING_PAYMENT) until the order
 * for that pack is paid, and {@code session.scheduled} waits for the payment.
 */
public interface BookSessionUseCase {

    Booking book(Command command);

    /** The booked (or held) session, and for a hold the order to pay. */
    record Booking(Session session, Optional<HeldOrder> order) {
        public Booking {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(order, "order");
        }
    }

    /** The order a held session waits on, and where the athlete pays it. */
    record HeldOrder(UUID id, String checkoutUrl) {
        public HeldOrder {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        }
    }

    /** {@code athleteId} empty: the caller books for themself; {@code productId}: the pack to buy, lacking a credit. */
    record Command(Actor actor, AccountId coachId, Instant startsAt, Instant endsAt, Optional<AccountId> athleteId,
            Optional<UUID> spaceId, Optional<String> notes, Optional<UUID> productId, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(coachId, "coachId");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            Objects.requireNonNull(athleteId, "athleteId");
            Objects.requireNonNull(spaceId, "spaceId");
            Objects.requireNonNull(notes, "notes");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
