package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone was invited to join the organization; carries the accept token and the e-mail verification token
 * only so that the invitation e-mail can carry their links, since only their hashes are stored. Invitations
 * issued before verification existed have no verification token.
 */
public record MemberInvited(
        TenantId tenantId, UUID invitationId, EmailAddress email, Role role, AccountId invitedBy,
        Instant expiresAt, String acceptToken, Optional<String> verifyToken, Instant occurredAt)
        implements DomainEvent {

    public MemberInvited {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(acceptToken, "acceptToken");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
