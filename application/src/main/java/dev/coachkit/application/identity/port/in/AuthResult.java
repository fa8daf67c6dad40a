package dev.coachkit.application.identity.port.in;

import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Role;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A signed-in session: the token pair and who it is for, in which tenant, with which role. */
public record AuthResult(String accessToken, String refreshToken, Duration expiresIn, User user, TenantRef tenant,
        Role role) {

    public AuthResult {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "AuthResult[user=" + user.id() + ", tenant=" + tenant.id() + ", role=" + role + "]";
    }

    /**
     * The account as its owner sees it: whether its address was verified, the IANA zone it reads times in,
     * and its avatar when it has one.
     */
    public record User(AccountId id, String email, String firstName, String lastName, boolean emailVerified,
            String timeZone, Optional<UUID> avatarMediaId) {
        public static User of(Account account) {
            return new User(account.id(), account.email().value(), account.name().firstName(),
                    account.name().lastName(), account.emailVerified(), account.timeZone().id(),
                    account.avatarMediaId());
        }
    }

    /** A tenant by id and name. */
    public record TenantRef(TenantId id, String name) {}
}
