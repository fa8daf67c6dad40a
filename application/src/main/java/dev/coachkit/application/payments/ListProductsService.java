package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.ListProductsUseCase;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.payments.Product;
import java.util.List;

/** The packs on sale; inactive ones only to those who may manage them. */
public final class ListProductsService implements ListProductsUseCase {

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;

    ListProductsService(UnitOfWork unitOfWork, ProductRepository products) {
        this.unitOfWork = unitOfWork;
        this.products = products;
    }

    @Override
    public List<Product> products(Query query) {
        return unitOfWork.inTenant(query.actor().tenantId(), () -> products
                .list(query.actor().tenantId(), query.coachId(), query.includeInactive()).stream()
                .filter(product -> product.active() || PaymentPolicy.mayManageProduct(query.actor(), product.coachId()))
                .toList());
    }
}
