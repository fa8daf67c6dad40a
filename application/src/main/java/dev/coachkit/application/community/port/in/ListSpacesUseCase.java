package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;

/** The spaces the caller belongs to (ADMIN: every space of the tenant), newest first. */
public interface ListSpacesUseCase {

    Page<SpaceOverview> spaces(Query query);

    record Query(Actor actor, PageRequest page) {}
}
