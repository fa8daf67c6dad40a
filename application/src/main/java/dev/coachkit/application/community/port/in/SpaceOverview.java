package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.Space;
import java.util.Objects;

/** A space as the community use cases answer it: the space and how many members it has. */
public record SpaceOverview(Space space, int memberCount) {

    public SpaceOverview {
        Objects.requireNonNull(space, "space");
    }
}
