package dev.coachkit.application.community.port.in;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.Optional;
import java.util.UUID;

/** An owner or ADMIN removes someone from the space; the creator stays. */
public interface RemoveSpaceMemberUseCase {

    void remove(Command command);

    record Command(Actor actor, UUID spaceId, AccountId account, Optional<String> clientIp) {}
}
