package dev.coachkit.application.scheduling.port.out;

import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * What a booking costs, when the coach's availability requires a credit and an athlete books: the payments
 * context's answer (scheduling knows nothing of products, orders or the ledger). Every method but
 * {@link #openCheckout} runs inside the booking's or the cancellation's unit of work, so the credit moves
 * or the order is placed together with the session, or not at all.
 */
public interface BookingPayments {

    /**
     * Spends one of the athlete's credits usable with the coach of {@code booking} (a session about to be
     * added, its id final) for it; false, spending nothing, when the athlete has none.
     */
    boolean spendCredit(Session booking, Instant now);

    /**
     * Holds the slot of {@code booking} until it is paid: places a PENDING order of {@code productId} by
     * {@code buyer} waiting on the session, and answers the session to add instead, PENDING_PAYMENT with the
     * order's id and the hold's expiry. An unknown product is not found (404); an inactive one, or one for
     * another coach, a business rule refuses (422); where nothing can be bought it is a
     * {@code PaymentRequiredException} (402).
     */
    Session holdForPayment(Session booking, UUID productId, Actor buyer, Instant now);

    /**
     * After the booking committed: opens the provider's checkout of the order a hold waits on and answers the
     * page's URL. When the provider fails, the order becomes FAILED, the hold EXPIRED (freeing the slot), and
     * the failure propagates.
     */
    String openCheckout(TenantId tenant, UUID orderId);

    /** Returns the credit {@code cancelled} spent when the tenant's refund window allows it to {@code canceller}. */
    void sessionCancelled(Session cancelled, Actor canceller);
}
