package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.community.SpaceMember;
import dev.coachkit.domain.community.SpaceRole;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.Optional;
import java.util.UUID;

/** An owner or ADMIN adds a member of the tenant to the space (as MEMBER unless a role is given). */
public interface AddSpaceMemberUseCase {

    SpaceMember add(Command command);

    record Command(Actor actor, UUID spaceId, AccountId account, Optional<SpaceRole> role,
            Optional<String> clientIp) {}
}
