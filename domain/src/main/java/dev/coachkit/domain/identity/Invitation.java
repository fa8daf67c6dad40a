package dev.coachkit.domain.identity;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An offer to join a tenant with a role, redeemable once, before it expires, by whoever holds its token. */
public final class Invitation {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

    /** Where the invitation is in its life. */
    public enum Status { PENDING, ACCEPTED }

    private final UUID id;
    private final TenantId tenantId;
    private final EmailAddress email;
    private final Role role;
    private final TokenHash tokenHash;
    private final AccountId invitedBy;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Status status;
    private final Instant acceptedAt;

    private Invitation(UUID id, TenantId tenantId, EmailAddress email, Role role, TokenHash tokenHash,
            AccountId invitedBy, Instant createdAt, Instant expiresAt, Status status, Instant acceptedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.email = Objects.requireNonNull(email, "email");
        this.role = Objects.requireNonNull(role, "role");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.invitedBy = Objects.requireNonNull(invitedBy, "invitedBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.status = Objects.requireNonNull(status, "status");
        this.acceptedAt = acceptedAt;
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation must expire after it is created");
        }
        if ((status == Status.ACCEPTED) != (acceptedAt != null)) {
            throw new IllegalArgumentException("acceptedAt is set exactly when the invitation is accepted");
        }
    }

    /** A pending invitation; the caller keeps the raw token to hand to the invitee, only its hash is kept here. */
    public static Invitation issue(UUID id, TenantId tenantId, EmailAddress email, Role role, TokenHash tokenHash,
            AccountId invitedBy, Instant now, Duration validity) {
        return new Invitation(id, tenantId, email, role, tokenHash, invitedBy, now, now.plus(validity),
                Status.PENDING, null);
    }

    public static Invitation reconstitute(UUID id, TenantId tenantId, EmailAddress email, Role role,
            TokenHash tokenHash, AccountId invitedBy, Instant createdAt, Instant expiresAt, Status status,
            Instant acceptedAt) {
        return new Invitation(id, tenantId, email, role, tokenHash, invitedBy, createdAt, expiresAt, status, acceptedAt);
    }

    /** The event of issuing this invitation, carrying the raw tokens whose links the invitee's e-mail needs. */
    public MemberInvited invited(String acceptToken, String verifyToken) {
        return new MemberInvited(tenantId, id, email, role, invitedBy, expiresAt, acceptToken,
                Optional.of(verifyToken), createdAt);
    }

    /** The accepted invitation; refuses a second use and a use after expiry. */
    public Invitation accept(Instant now) {
        if (status == Status.ACCEPTED) {
            throw new ConflictException("the invitation has already been accepted");
        }
        if (!now.isBefore(expiresAt)) {
            throw new ConflictException("the invitation has expired");
        }
        return new Invitation(id, tenantId, email, role, tokenHash, invitedBy, createdAt, expiresAt,
                Status.ACCEPTED, now);
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public EmailAddress email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public TokenHash tokenHash() {
        return tokenHash;
    }

    public AccountId invitedBy() {
        return invitedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Status status() {
        return status;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
