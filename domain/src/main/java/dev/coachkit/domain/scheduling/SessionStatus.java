package dev.coachkit.domain.scheduling;

/** Where a coaching session is in its life. Only scheduled sessions occupy the coach's calendar. */
public enum SessionStatus {
    SCHEDULED,
    CANCELLED
}
