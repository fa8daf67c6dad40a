package dev.coachkit.adapters.persistence.identity;

import static dev.coachkit.adapters.persistence.jooq.Tables.INVITATIONS;

import dev.coachkit.adapters.persistence.jooq.tables.records.InvitationsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.identity.port.out.InvitationRepository;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Invitations under row-level security; the token's tenant comes from a definer function that answers only an id. */
public final class PostgresInvitations implements InvitationRepository {

    private final TenantTransactions transactions;
    private final DSLContext pooled;

    public PostgresInvitations(TenantTransactions transactions, DSLContext pooled) {
        this.transactions = transactions;
        this.pooled = pooled;
    }

    @Override
    public void add(Invitation invitation) {
        transactions.require(invitation.tenantId()).insertInto(INVITATIONS)
                .set(INVITATIONS.TENANT_ID, invitation.tenantId().value())
                .set(INVITATIONS.ID, invitation.id())
                .set(INVITATIONS.EMAIL, invitation.email().value())
                .set(INVITATIONS.ROLE, invitation.role().name())
                .set(INVITATIONS.TOKEN_HASH, invitation.tokenHash().hex())
                .set(INVITATIONS.INVITED_BY, invitation.invitedBy().value())
                .set(INVITATIONS.CREATED_AT, Timestamps.toColumn(invitation.createdAt()))
                .set(INVITATIONS.EXPIRES_AT, Timestamps.toColumn(invitation.expiresAt()))
                .set(INVITATIONS.STATUS, invitation.status().name())
                .set(INVITATIONS.ACCEPTED_AT, Timestamps.toColumn(invitation.acceptedAt()))
                .execute();
    }

    @Override
    public Optional<TenantId> tenantOf(TokenHash token) {
        return Optional.ofNullable(transactions.currentOr(pooled, dsl -> dsl
                        .select(DSL.field("invitation_tenant({0})", UUID.class, DSL.val(token.hex())))
                        .fetchOne(0, UUID.class)))
                .map(TenantId::of);
    }

    @Override
    public Optional<Invitation> find(TenantId tenant, TokenHash token) {
        return transactions.require().dsl().selectFrom(INVITATIONS)
                .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.TOKEN_HASH.eq(token.hex()))
                .fetchOptional(PostgresInvitations::toDomain);
    }

    @Override
    public boolean markAccepted(Invitation accepted) {
        return transactions.require(accepted.tenantId()).update(INVITATIONS)
                .set(INVITATIONS.STATUS, accepted.status().name())
                .set(INVITATIONS.ACCEPTED_AT, Timestamps.toColumn(accepted.acceptedAt()))
                .where(INVITATIONS.TENANT_ID.eq(accepted.tenantId().value()), INVITATIONS.ID.eq(accepted.id()),
                        INVITATIONS.STATUS.eq(Invitation.Status.PENDING.name()))
                .execute() == 1;
    }

    private static Invitation toDomain(InvitationsRecord row) {
        return Invitation.reconstitute(row.getId(), TenantId.of(row.getTenantId()), new EmailAddress(row.getEmail()),
                Role.valueOf(row.getRole()), new TokenHash(row.getTokenHash()), AccountId.of(row.getInvitedBy()),
                Timestamps.toInstant(row.getCreatedAt()), Timestamps.toInstant(row.getExpiresAt()),
                Invitation.Status.valueOf(row.getStatus()), Timestamps.toInstant(row.getAcceptedAt()));
    }
}
