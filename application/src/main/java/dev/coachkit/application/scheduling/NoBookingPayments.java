package dev.coachkit.application.scheduling;

import dev.coachkit.application.scheduling.port.out.BookingPayments;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PaymentRequiredException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Scheduling without a payments context: nothing can be bought and nobody holds credits, so an athlete's
 * booking of a coach who requires a credit is refused (402) rather than given away for free.
 */
final class NoBookingPayments implements BookingPayments {

    @Override
    public boolean spendCredit(Session booking, Instant now) {
        return false;
    }

    @Override
    public Session holdForPayment(Session booking, UUID productId, Actor buyer, Instant now) {
        throw new PaymentRequiredException("this organization sells no session packs");
    }

    /** Never reached: without payments no hold, and so no order, is ever placed. */
    @Override
    public String openCheckout(TenantId tenant, UUID orderId) {
        throw new IllegalStateException("no payments context: order " + orderId + " cannot exist");
    }

    @Override
    public void sessionCancelled(Session cancelled, Actor canceller) {
        // no credit was ever spent without payments, so none is given back
    }
}
