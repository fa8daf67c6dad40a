package dev.coachkit.adapters.http.identity;

import dev.coachkit.domain.shared.Role;

/** A member's role as the API spells it; the only place it is mapped to and from the domain's role. */
enum RoleName {
    ADMIN, COACH, ATHLETE, SCHEDULER;

    static RoleName of(Role role) {
        return valueOf(role.name());
    }

    Role toDomain() {
        return Role.valueOf(name());
    }
}
