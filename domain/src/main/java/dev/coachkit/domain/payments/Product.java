package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A session pack a tenant sells: {@code credits} bookings for {@code price}, with one coach (any coach of
 * the tenant when empty), valid {@code validDays} after purchase (for ever when empty). Inactive products
 * cannot be bought; credits already sold stay usable.
 */
public record Product(UUID id, TenantId tenantId, String name, Optional<String> description, int credits,
        Money price, Optional<AccountId> coachId, Optional<Integer> validDays, boolean active, Instant createdAt) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_CREDITS = 1_000;
    public static final int MAX_VALID_DAYS = 3_650;
    public static final long MAX_PRICE_CENTS = 100_000_000L;

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(validDays, "validDays");
        Objects.requireNonNull(createdAt, "createdAt");
        ProductRules.require(name, description, credits, price, validDays);
    }
}
