package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;

/**
 * Who may do what with tenants and their members. A tenant other than the actor's is reported as
 * not found by the use cases, so these rules only decide between members of the same tenant.
 */
public final class IdentityPolicy {

    private IdentityPolicy() {}

    /** Every member reads their tenant and its member list. */
    public static boolean mayView(Actor actor, TenantId tenant) {
        return actor.tenantId().equals(tenant);
    }

    /** ADMIN invites any role; COACH invites athletes only; nobody else invites. */
    public static boolean mayInvite(Actor actor, Role invitedRole) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case COACH -> invitedRole == Role.ATHLETE;
            case ATHLETE, SCHEDULER -> false;
        };
    }

    /** Only ADMIN changes members' roles. */
    public static void requireMayChangeRoles(Actor actor) {
        if (!actor.isAdmin()) {
            throw new PermissionDeniedException("only an ADMIN may change members' roles");
        }
    }

    public static void requireMayInvite(Actor actor, Role invitedRole) {
        if (!mayInvite(actor, invitedRole)) {
            throw new PermissionDeniedException("a " + actor.role() + " may not invite a " + invitedRole);
        }
    }
}
