package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import java.util.UUID;

/** A space the caller may read, with the first page of its members. */
public interface GetSpaceUseCase {

    /** How many members {@link #space} returns with the space; the rest are paged by {@link ListSpaceMembersUseCase}. */
    int MEMBERS_SHOWN = 100;

    SpaceDetails space(Query query);

    record Query(Actor actor, UUID spaceId) {}

    record SpaceDetails(SpaceOverview summary, Page<SpaceMember> members) {}
}
