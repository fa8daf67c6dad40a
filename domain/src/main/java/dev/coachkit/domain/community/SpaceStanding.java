package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PermissionDeniedException;
import dev.coachkit.domain.shared.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * What one actor may do in one space, decided from their tenant role and their role in the space
 * (empty when they are not a member). The community's authorization policy in one place.
 */
public record SpaceStanding(Actor actor, Space space, Optional<SpaceRole> spaceRole) {

    public SpaceStanding {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(space, "space");
        spaceRole = spaceRole == null ? Optional.empty() : spaceRole;
    }

    /** ADMIN and COACH create spaces; the other roles take part in them. */
    public static void requireMayCreateSpace(Actor actor) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.COACH) {
            throw new PermissionDeniedException("only ADMIN and COACH members create spaces");
        }
    }

    /** Members, ADMIN, and for a public space every member of the tenant. */
    public boolean mayRead() {
        return actor.isAdmin() || spaceRole.isPresent() || !space.isPrivate();
    }

    /** Post and comment: members of the space and ADMIN. */
    public boolean mayContribute() {
        return actor.isAdmin() || spaceRole.isPresent();
    }

    /** Edit the space and manage its members: its owners and ADMIN. */
    public boolean mayManage() {
        return actor.isAdmin() || spaceRole.filter(role -> role == SpaceRole.OWNER).isPresent();
    }

    /** A post goes away by its author, an owner of its space, or ADMIN. */
    public boolean mayDelete(Post post) {
        return post.authorId().equals(actor.accountId()) || mayManage();
    }

    /** Fails as if the space did not exist when the actor may not read it: private spaces stay hidden. */
    public SpaceStanding requireReadable() {
        if (!mayRead()) {
            throw new NotFoundException("space", space.id());
        }
        return this;
    }

    public SpaceStanding requireMayContribute() {
        requireReadable();
        if (!mayContribute()) {
            throw new PermissionDeniedException("only members of the space post and comment in it");
        }
        return this;
    }

    public SpaceStanding requireMayManage() {
        requireReadable();
        if (!mayManage()) {
            throw new PermissionDeniedException("only the space's owners and ADMIN manage it");
        }
        return this;
    }

    public SpaceStanding requireMayDelete(Post post) {
        requireReadable();
        if (!mayDelete(post)) {
            throw new PermissionDeniedException("only the author, the space's owners and ADMIN delete a post");
        }
        return this;
    }
}
