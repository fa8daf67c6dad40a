package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** An ADMIN gives a member of the tenant another role; the last ADMIN cannot be demoted. */
public interface ChangeMemberRoleUseCase {

    Membership changeRole(Command command);

    record Command(Actor actor, TenantId tenantId, AccountId memberId, Role role, Optional<String> clientIp) {}
}
