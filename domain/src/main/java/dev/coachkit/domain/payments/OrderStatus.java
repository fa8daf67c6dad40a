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
    REFUNDED
}
