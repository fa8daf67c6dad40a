package dev.coachkit.application.shared.port.out;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Objects;

/**
 * A client's {@code Idempotency-Key}, scoped to the caller: the same text from another account or
 * tenant is another key. The text is 1–255 printable ASCII characters.
 */
public record IdempotencyKey(TenantId tenant, AccountId account, String value) {

    public static final int MAX_LENGTH = 255;
    /** The field name invalid keys are reported under: the header that carries them. */
    public static final String FIELD = "Idempotency-Key";

    public IdempotencyKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidInputException(FIELD, "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }
}
