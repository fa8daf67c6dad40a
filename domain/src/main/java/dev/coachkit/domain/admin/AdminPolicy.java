package dev.coachkit.domain.admin;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.PermissionDeniedException;

/** The administration endpoints (audit trail, export, erasure, metrics) are for ADMIN only. */
public final class AdminPolicy {

    private AdminPolicy() {}

    public static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new PermissionDeniedException("only ADMIN members administer the organization");
        }
    }
}
