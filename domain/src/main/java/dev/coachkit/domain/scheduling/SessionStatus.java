package dev.coachkit.domain.scheduling;

/**
 * Where a coaching session is in its life. Scheduled sessions and sessions held for payment occupy the
 * coach's calendar; a hold that was not paid in time becomes EXPIRED and frees it, as cancelling does.
 */
public enum SessionStatus {
    SCHEDULED,
    CANCELLED,
    PENDING_PAYMENT,
    EXPIRED;

    /** Whether a session in this status takes its time in the coach's calendar. */
    public boolean occupiesCalendar() {
        return this == SCHEDULED || this == PENDING_PAYMENT;
    }
}
