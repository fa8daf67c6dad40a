package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Invites someone by e-mail to the caller's tenant with a role the caller may grant. */
public interface InviteMemberUseCase {

    IssuedInvitation invite(Command command);

    record Command(Actor actor, TenantId tenantId, String email, Role role, Optional<String> clientIp) {}

    /** The stored invitation and its token, which exists nowhere else in clear. */
    record IssuedInvitation(Invitation invitation, String acceptToken) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "IssuedInvitation[id=" + invitation.id() + "]";
        }
    }
}
