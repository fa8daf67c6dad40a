package dev.coachkit.domain.community;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A place where members of one tenant meet. A private space is invisible to non-members; a public
 * one is readable by every member of the tenant. Immutable: changes return a new value.
 */
public record Space(UUID id, TenantId tenantId, String name, String description, boolean isPrivate,
        AccountId ownerId, Instant createdAt, Instant updatedAt) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 2000;

    public Space {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        name = Text.required(name, "name", MAX_NAME);
        description = description == null ? "" : Text.optional(description, "description", MAX_DESCRIPTION).orElse("");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new space owned by its creator. */
    public static Space create(UUID id, TenantId tenant, String name, String description, boolean isPrivate,
            AccountId creator, Instant now) {
        return new Space(id, tenant, name, description, isPrivate, creator, now, now);
    }

    /** What an edit changes; absent fields keep their value. */
    public record Changes(Optional<String> name, Optional<String> description, Optional<Boolean> isPrivate) {
        public Changes {
            name = name == null ? Optional.empty() : name;
            description = description == null ? Optional.empty() : description;
            isPrivate = isPrivate == null ? Optional.empty() : isPrivate;
        }
    }

    /** The event of removing {@code member} from this space. */
    public SpaceMemberRemoved memberRemoved(AccountId member, AccountId removedBy, Instant at) {
        return new SpaceMemberRemoved(tenantId, id, member, removedBy, at);
    }

    public Space edit(Changes changes, Instant now) {
        return new Space(id, tenantId, changes.name().orElse(name), changes.description().orElse(description),
                changes.isPrivate().orElse(isPrivate), ownerId, createdAt, now);
    }
}
