package dev.coachkit.application.identity.port.out;

import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Invitations of a tenant, found by the hash of their token. */
public interface InvitationRepository {

    void add(Invitation invitation);

    /**
     * The tenant an invitation token belongs to, if any: the only read across tenants, answering an
     * id and nothing else, so the acceptance can continue inside that tenant's unit of work.
     */
    Optional<TenantId> tenantOf(TokenHash token);

    Optional<Invitation> find(TenantId tenant, TokenHash token);

    /** Stores the acceptance if the invitation was still pending; false when another accept won. */
    boolean markAccepted(Invitation accepted);
}
