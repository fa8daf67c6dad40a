package dev.coachkit.application.testing;

import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.EmailAddress;
import dev.coachkit.domain.identity.IanaTimeZone;
import dev.coachkit.domain.identity.Invitation;
import dev.coachkit.domain.identity.Membership;
import dev.coachkit.domain.identity.PersonName;
import dev.coachkit.domain.identity.RefreshToken;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.identity.TokenHash;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builders of valid identity values: every build draws fresh ids, e-mails and token hashes from one
 * counter (deterministic within a JVM, never repeated in it), so tests against a shared store never
 * collide. Instants default to {@link #T0}, which has microseconds, the precision PostgreSQL keeps.
 * Override only what a test is about.
 */
public final class IdentityBuilders {

    /** The default instant of every builder; microsecond precision, like {@code timestamptz}. */
    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456Z");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private IdentityBuilders() {}

    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public static TenantBuilder aTenant() {
        return new TenantBuilder();
    }

    public static MembershipBuilder aMembership() {
        return new MembershipBuilder();
    }

    public static InvitationBuilder anInvitation() {
        return new InvitationBuilder();
    }

    public static RefreshTokenBuilder aRefreshToken() {
        return new RefreshTokenBuilder();
    }

    public static AuditEntryBuilder anAuditEntry() {
        return new AuditEntryBuilder();
    }

    /** A lower-case e-mail address no other build of this JVM uses. */
    public static String uniqueEmail() {
        return "person-" + next() + "@contract.coachkit.test";
    }

    /** A token hash no other build of this JVM uses. */
    public static TokenHash uniqueTokenHash() {
        return TokenHash.of("contract-token-" + next());
    }

    private static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A version-4-shaped UUID whose first group names the kind of id, e.g. {@code acc00000-…}. */
    private static UUID nextId(long kind) {
        return new UUID(kind, 0x8000_0000_0000_0000L | next());
    }

    /** Builds an {@link Account} through {@code reconstitute}, as an adapter would load it. */
    public static final class AccountBuilder {
        private AccountId id = AccountId.of(nextId(0xACC0_0000_0000_4000L));
        private EmailAddress email = new EmailAddress(uniqueEmail());
        private PersonName name = new PersonName("Casey", "Contract");
        private String passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
        private Instant createdAt = T0;
        private IanaTimeZone timeZone = IanaTimeZone.UTC;
        private Optional<UUID> avatarMediaId = Optional.empty();

        private AccountBuilder() {}

        /** The e-mail as a client typed it; normalized like any input. */
        public AccountBuilder withEmail(String typed) {
            this.email = EmailAddress.parse(typed, "email");
            return this;
        }

        public AccountBuilder named(String firstName, String lastName) {
            this.name = new PersonName(firstName, lastName);
            return this;
        }

        private boolean emailVerified;

        public AccountBuilder withPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
            return this;
        }

        public AccountBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public AccountBuilder inTimeZone(String zone) {
            this.timeZone = IanaTimeZone.of(zone);
            return this;
        }

        /** An avatar as an adapter loads it, unchecked: {@code Account.withAvatar} checks the media. */
        public AccountBuilder withAvatar(UUID mediaId) {
            this.avatarMediaId = Optional.of(mediaId);
            return this;
        }

        public AccountBuilder emailVerified() {
            this.emailVerified = true;
            return this;
        }

        public Account build() {
            return Account.reconstitute(id, email, name, passwordHash, createdAt, emailVerified, timeZone,
                    avatarMediaId);
        }
    }

    /** Builds a {@link Tenant} with a unique id and name. */
    public static final class TenantBuilder {
        private TenantId id = TenantId.of(nextId(0x7E00_0000_0000_4000L));
        private String name = "Rowing Club " + next();
        private Instant createdAt = T0;

        private TenantBuilder() {}

        public TenantBuilder named(String name) {
            this.name = name;
            return this;
        }

        public TenantBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Tenant build() {
            return new Tenant(id, name, createdAt);
        }
    }

    /** Builds a {@link Membership}; tenant and account default to the fixed {@link TestTenants}. */
    public static final class MembershipBuilder {
        private TenantId tenant = TestTenants.ACME;
        private AccountId account = TestTenants.ALICE;
        private Role role = Role.ATHLETE;
        private Instant joinedAt = T0;

        private MembershipBuilder() {}

        public MembershipBuilder inTenant(TenantId tenant) {
            this.tenant = tenant;
            return this;
        }

        public MembershipBuilder of(AccountId account) {
            this.account = account;
            return this;
        }

        public MembershipBuilder as(Role role) {
            this.role = role;
            return this;
        }

        public MembershipBuilder joinedAt(Instant joinedAt) {
            this.joinedAt = joinedAt;
            return this;
        }

        public Membership build() {
            return new Membership(tenant, account, role, joinedAt);
        }
    }

    /** Builds a pending {@link Invitation} with a unique token hash, valid for seven days from {@link #T0}. */
    public static final class InvitationBuilder {
        private UUID id = nextId(0x1A00_0000_0000_4000L);
        private TenantId tenant = TestTenants.ACME;
        private EmailAddress email = new EmailAddress(uniqueEmail());
        private Role role = Role.ATHLETE;
        private TokenHash tokenHash = uniqueTokenHash();
        private AccountId invitedBy = TestTenants.ALICE;
        private Instant createdAt = T0;
        private Duration validity = Invitation.DEFAULT_VALIDITY;

        private InvitationBuilder() {}

        public InvitationBuilder inTenant(TenantId tenant) {
            this.tenant = tenant;
            return this;
        }

        public InvitationBuilder as(Role role) {
            this.role = role;
            return this;
        }

        public InvitationBuilder invitedBy(AccountId invitedBy) {
            this.invitedBy = invitedBy;
            return this;
        }

        public InvitationBuilder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public InvitationBuilder validFor(Duration validity) {
            this.validity = validity;
            return this;
        }

        public Invitation build() {
            return Invitation.reconstitute(id, tenant, email, role, tokenHash, invitedBy, createdAt,
                    createdAt.plus(validity), Invitation.Status.PENDING, null);
        }
    }

    /** Builds an unused {@link RefreshToken} of a new family, valid for thirty days from {@link #T0}. */
    public static final class RefreshTokenBuilder {
        private UUID id = nextId(0x4EF0_0000_0000_4000L);
        private UUID familyId = nextId(0xFA00_0000_0000_4000L);
        private AccountId account = TestTenants.ALICE;
        private TenantId tenant = TestTenants.ACME;
        private TokenHash tokenHash = uniqueTokenHash();
        private Instant issuedAt = T0;
        private Duration validity = Duration.ofDays(30);

        private RefreshTokenBuilder() {}

        public RefreshTokenBuilder inFamily(UUID familyId) {
            this.familyId = familyId;
            return this;
        }

        public RefreshTokenBuilder of(AccountId account, TenantId tenant) {
            this.account = account;
            this.tenant = tenant;
            return this;
        }

        public RefreshTokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public RefreshTokenBuilder validFor(Duration validity) {
            this.validity = validity;
            return this;
        }

        public RefreshToken build() {
            return RefreshToken.issue(id, familyId, account, tenant, tokenHash, issuedAt, issuedAt.plus(validity));
        }
    }

    /** Builds an {@link AuditEntry} of an account's action from a documentation IP address. */
    public static final class AuditEntryBuilder {
        private UUID id = nextId(0xA0D1_0000_0000_4000L);
        private TenantId tenant = TestTenants.ACME;
        private String action = "member.invited";
        private Optional<AccountId> actor = Optional.of(TestTenants.ALICE);
        private Instant occurredAt = T0;
        private Map<String, Object> details = Map.of("role", "ATHLETE");

        private AuditEntryBuilder() {}

        public AuditEntryBuilder inTenant(TenantId tenant) {
            this.tenant = tenant;
            return this;
        }

        public AuditEntryBuilder ofAction(String action) {
            this.action = action;
            return this;
        }

        public AuditEntryBuilder by(Optional<AccountId> actor) {
            this.actor = actor;
            return this;
        }

        public AuditEntryBuilder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public AuditEntry build() {
            return new AuditEntry(id, tenant, action, actor, "invitation", id.toString(), Optional.of("203.0.113.7"),
                    occurredAt, details);
        }
    }
}
