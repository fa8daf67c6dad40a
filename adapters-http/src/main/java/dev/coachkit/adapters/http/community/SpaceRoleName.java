package dev.coachkit.adapters.http.community;

import dev.coachkit.domain.community.SpaceRole;

/** A member's role in a space as the API spells it. */
enum SpaceRoleName {
    OWNER, MEMBER;

    static SpaceRoleName of(SpaceRole role) {
        return valueOf(role.name());
    }

    SpaceRole toDomain() {
        return SpaceRole.valueOf(name());
    }
}
