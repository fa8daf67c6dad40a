package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;

/**
 * Who may do what with calendars. A coach manages their own availability and books on their own
 * calendar; an athlete books for themself; SCHEDULER and ADMIN act for anyone in the tenant.
 */
public final class SchedulingPolicy {

    private SchedulingPolicy() {}

    /** Calendars are owned by coaches; an ADMIN may coach too. */
    public static boolean ownsCalendar(Role role) {
        return role == Role.COACH || role == Role.ADMIN;
    }

    public static boolean actsForAnyone(Actor actor) {
        return actor.role() == Role.SCHEDULER || actor.role() == Role.ADMIN;
    }

    public static void requireMayEditAvailability(Actor actor, AccountId coach) {
        boolean own = actor.role() == Role.COACH && actor.accountId().equals(coach);
        if (!own && !actsForAnyone(actor)) {
            throw new PermissionDeniedException("a " + actor.role() + " may not edit another calendar's availability");
        }
    }

    public static void requireMayBook(Actor actor, AccountId coach, AccountId athlete) {
        boolean allowed = switch (actor.role()) {
            case ADMIN, SCHEDULER -> true;
            case COACH -> actor.accountId().equals(coach);
            case ATHLETE -> actor.accountId().equals(athlete);
        };
        if (!allowed) {
            throw new PermissionDeniedException(actor.role() == Role.ATHLETE
                    ? "an ATHLETE books sessions for themself only" : "a COACH books on their own calendar only");
        }
    }

    /** Participants see their sessions; SCHEDULER and ADMIN see all of the tenant's. */
    public static boolean maySee(Actor actor, Session session) {
        return actsForAnyone(actor) || session.hasParticipant(actor.accountId());
    }
}
