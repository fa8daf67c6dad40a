package dev.coachkit.domain.admin;

/**
 * An organization at a glance: members, content, sessions, stored media bytes (pending uploads
 * included) and the health of its outbox.
 */
public record TenantMetrics(long users, long spaces, long posts, long comments, long sessions, long mediaBytes,
        Outbox outbox) {

    /** Events not yet published, parked as dead, and how long the oldest unpublished one has waited. */
    public record Outbox(long pending, long failed, long oldestPendingSeconds) {}
}
