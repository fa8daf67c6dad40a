package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What is left of one lot: {@code remaining} credits of a product, usable until {@code expiresAt}. */
public record CreditBalance(UUID lotId, UUID productId, Optional<AccountId> coachId, int remaining,
        Optional<Instant> expiresAt) {

    public CreditBalance {
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (remaining < 0) {
            throw new IllegalArgumentException("a balance is never negative");
        }
    }
}
