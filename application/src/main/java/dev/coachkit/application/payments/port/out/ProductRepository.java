package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The session packs a tenant sells. */
public interface ProductRepository {

    void add(Product product);

    /** Stores the product's new name, description, price, credits and active flag. */
    void update(Product product);

    Optional<Product> find(TenantId tenant, UUID id);

    /** Products, oldest first; of one coach when given, and only active ones unless {@code includeInactive}. */
    List<Product> list(TenantId tenant, Optional<AccountId> coach, boolean includeInactive);
}
