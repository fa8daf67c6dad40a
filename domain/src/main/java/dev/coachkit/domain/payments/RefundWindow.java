package dev.coachkit.domain.payments;

import dev.coachkit.domain.scheduling.SchedulingPolicy;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether cancelling a credit-paid session gives the credit back: always when the coach, a SCHEDULER or an
 * ADMIN cancels (the athlete is not at fault), and when the athlete cancels at least {@code length} before
 * the start; a later cancellation by the athlete forfeits the credit, as the coach kept the slot free.
 */
public record RefundWindow(Duration length) {

    public RefundWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("a refund window is not negative");
        }
    }

    public static RefundWindow of(PaymentSettings settings) {
        return new RefundWindow(Duration.ofHours(settings.refundWindowHours()));
    }

    /** For {@code session}, cancelled by {@code canceller} at {@code cancelledAt}. */
    public boolean returnsCredit(Session session, Actor canceller, Instant cancelledAt) {
        if (!session.isPaidWithCredit()) {
            return false;
        }
        if (SchedulingPolicy.actsForAnyone(canceller) || session.coachId().equals(canceller.accountId())) {
            return true;
        }
        return !cancelledAt.plus(length).isAfter(session.startsAt());
    }
}
