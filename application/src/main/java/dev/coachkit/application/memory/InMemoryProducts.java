package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The session packs of each tenant in an {@link InMemoryTable}. */
public final class InMemoryProducts implements ProductRepository {

    private final InMemoryTable<UUID, Product> products;

    public InMemoryProducts(InMemoryUnitOfWork unitOfWork) {
        this.products = InMemoryTable.perTenant(unitOfWork, Product::tenantId);
    }

    @Override
    public void add(Product product) {
        products.put(product.id(), product);
    }

    @Override
    public void update(Product product) {
        products.put(product.id(), product);
    }

    @Override
    public Optional<Product> find(TenantId tenant, UUID id) {
        return products.get(id).filter(product -> product.tenantId().equals(tenant));
    }

    @Override
    public List<Product> list(TenantId tenant, Optional<AccountId> coach, boolean includeInactive) {
        return products.select(product -> product.tenantId().equals(tenant)
                        && coach.map(c -> product.coachId().filter(c::equals).isPresent()).orElse(true)
                        && (includeInactive || product.active()))
                .stream().sorted(Comparator.comparing(Product::createdAt).thenComparing(Product::id)).toList();
    }
}
