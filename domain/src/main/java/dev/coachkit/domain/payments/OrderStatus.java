package dev.coachkit.domain.payments;

/**
 * Where an order is. Orders only move forward: PENDING to PAID, FAILED or EXPIRED, and PAID to REFUNDED;
 * a late or replayed provider event that would move one back changes nothing.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    FAILED,
    EXPIRED,
    REFUNDED;

    /** Whether an order in this status may move to {@code next}: only forward, never back or sideways. */
    public boolean mayMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == PAID || next == FAILED || next == EXPIRED;
            case PAID -> next == REFUNDED;
            // money that arrives for an order given up on is taken only to be returned: see Order.payAfterFailure
            case FAILED, EXPIRED -> next == REFUNDED;
            case REFUNDED -> false;
        };
    }
}
