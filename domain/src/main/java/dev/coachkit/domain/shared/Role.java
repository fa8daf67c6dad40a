package dev.coachkit.domain.shared;

/** A member's role within one tenant. */
public enum Role {
    /** Everything in the tenant, including administration. */
    ADMIN,
    /** Runs spaces, invites athletes, owns a calendar. */
    COACH,
    /** Takes part in spaces and books sessions for themself. */
    ATHLETE,
    /** Books, cancels and edits availability on behalf of any coach; no administration. */
    SCHEDULER
}
