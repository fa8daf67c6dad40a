package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
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

    /** What an edit changes; empty fields stay, an empty {@code description} clears it. */
    public record Changes(Optional<String> name, Optional<String> description, Optional<Boolean> active,
            Optional<Long> priceCents, Optional<Integer> credits) {
        public Changes {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(priceCents, "priceCents");
            Objects.requireNonNull(credits, "credits");
        }
    }

    /** A new pack on sale, active; the name and description are trimmed, a blank description is none. */
    public static Product create(UUID id, TenantId tenantId, String name, Optional<String> description, int credits,
            Money price, Optional<AccountId> coachId, Optional<Integer> validDays, Instant now) {
        return new Product(id, tenantId, name.strip(), trimmed(description), credits, price, coachId, validDays, true,
                now);
    }

    /**
     * The product with {@code changes} applied. Once a pack was sold ({@code sold}) its price and credits are
     * what buyers paid for and cannot change (a conflict); a "change" to the same value is no change.
     */
    public Product edit(Changes changes, boolean sold) {
        Money newPrice = changes.priceCents().map(cents -> new Money(cents, price.currency())).orElse(price);
        int newCredits = changes.credits().orElse(credits);
        if (sold && (!newPrice.equals(price) || newCredits != credits)) {
            throw new ConflictException("the pack was sold already: its price and credits are fixed");
        }
        return new Product(id, tenantId, changes.name().map(String::strip).orElse(name),
                changes.description().isPresent() ? trimmed(changes.description()) : description, newCredits,
                newPrice, coachId, validDays, changes.active().orElse(active), createdAt);
    }

    /** Whether a booking with {@code coach} may use this pack's credits. */
    public boolean usableWith(AccountId coach) {
        return coachId.map(coach::equals).orElse(true);
    }

    private static Optional<String> trimmed(Optional<String> text) {
        return text.map(String::strip).filter(value -> !value.isEmpty());
    }
}
