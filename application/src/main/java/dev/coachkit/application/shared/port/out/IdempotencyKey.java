package dev.coachkit.application.shared.port.out;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key} as the store knows it: whose it is and the SHA-256 digest of the client's
 * text. The text itself is never stored, because the stored answer is sealed under a key derived from it.
 */
public record IdempotencyKey(Owner owner, String digest) {

    /** The field name invalid keys are reported under: the header that carries them. */
    public static final String FIELD = "Idempotency-Key";

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public IdempotencyKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(digest, "digest");
        if (!SHA_256_HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("an idempotency key is stored as a SHA-256 digest in lower-case hex");
        }
    }

    /** A signed-in caller's key: the same text from another account or tenant is another key. */
    public static IdempotencyKey of(TenantId tenant, AccountId account, String digest) {
        return new IdempotencyKey(new Member(tenant, account), digest);
    }

    /** A key sent without a token: one namespace shared by every anonymous client. */
    public static IdempotencyKey anonymous(String digest) {
        return new IdempotencyKey(new Anonymous(), digest);
    }

    /** Who a key belongs to, which decides the unit of work it is reached in. */
    public sealed interface Owner permits Member, Anonymous {}

    /** Keys of one member of one tenant, reached inside that tenant's unit of work. */
    public record Member(TenantId tenant, AccountId account) implements Owner {
        public Member {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Keys of unauthenticated requests (sign-up, sign-in), global data reached in a tenant-less unit of work. */
    public record Anonymous() implements Owner {}
}
