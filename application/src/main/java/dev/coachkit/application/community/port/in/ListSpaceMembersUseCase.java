package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.UUID;

/** The members of a space the caller may read, first added first. */
public interface ListSpaceMembersUseCase {

    Page<SpaceMember> members(Query query);

    record Query(Actor actor, UUID spaceId, PageRequest page) {}
}
