package dev.coachkit.application.community.port.out;

import dev.coachkit.domain.community.Space;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Spaces of the unit of work's tenant. */
public interface SpaceRepository {

    /** A space as listed: the space and how many members it has. */
    record SpaceSummary(Space space, int memberCount) {}

    void add(Space space);

    /** Stores the edited name, description, privacy and update time. */
    void update(Space space);

    Optional<SpaceSummary> find(UUID id);

    /**
     * Spaces the account belongs to, or every space of the tenant when {@code all}; newest first,
     * keyset-paginated on (createdAt, id). One statement per page, member counts included.
     */
    Page<SpaceSummary> list(AccountId member, boolean all, PageRequest page);
}
