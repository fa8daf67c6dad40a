package dev.coachkit.domain.scheduling;

/** How a session was paid for: with one of the athlete's credits, or not at all (free coach, staff booking). */
public enum PaidWith {
    CREDIT,
    NONE
}
