package dev.coachkit.application.memory;

import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Invitations per tenant in an {@link InMemoryTable}. */
public final class InMemoryInvitations implements InvitationRepository {

    private final InMemoryTable<UUID, Invitation> invitations;

    public InMemoryInvitations(InMemoryUnitOfWork unitOfWork) {
        this.invitations = InMemoryTable.perTenant(unitOfWork, Invitation::tenantId);
    }

    @Override
    public void add(Invitation invitation) {
        invitations.put(invitation.id(), invitation);
    }

    @Override
    public Optional<TenantId> tenantOf(TokenHash token) {
        return invitations.selectAcrossTenants(invitation -> invitation.tokenHash().equals(token)).stream()
                .map(Invitation::tenantId).findFirst();
    }

    @Override
    public Optional<Invitation> find(TenantId tenant, TokenHash token) {
        return invitations.select(invitation -> invitation.tokenHash().equals(token)).stream().findFirst();
    }

    @Override
    public boolean markAccepted(Invitation accepted) {
        boolean pending = invitations.get(accepted.id())
                .map(current -> current.status() == Invitation.Status.PENDING).orElse(false);
        if (pending) {
            invitations.put(accepted.id(), accepted);
        }
        return pending;
    }

    /** Deletes the unit's tenant's invitations to {@code email}. */
    void deleteFor(EmailAddress email) {
        invitations.select(invitation -> invitation.email().equals(email))
                .forEach(invitation -> invitations.remove(invitation.id()));
    }
}
