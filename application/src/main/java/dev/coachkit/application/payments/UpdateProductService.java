package dev.coachkit.application.payments;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.payments.port.in.UpdateProductUseCase;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.Map;
import java.util.Optional;

/** Changes a pack; its price and credits only until it is first sold (409 after). */
public final class UpdateProductService implements UpdateProductUseCase {

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final AuditTrail audit;

    UpdateProductService(UnitOfWork unitOfWork, ProductRepository products, OrderRepository orders, AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.products = products;
        this.orders = orders;
        this.audit = audit;
    }

    @Override
    public Product update(Command command) {
        Actor actor = command.actor();
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            Product product = products.find(actor.tenantId(), command.productId())
                    .orElseThrow(() -> new NotFoundException("product", command.productId()));
            PaymentPolicy.requireMayManageProduct(actor, product.coachId());
            Product changed = product.edit(new Product.Changes(command.name(), command.description(), command.active(),
                    command.priceCents(), command.credits()), orders.productSold(actor.tenantId(), product.id()));
            products.update(changed);
            audit.record(actor.tenantId(), "product.updated", Optional.of(actor.accountId()), "product", product.id(),
                    command.clientIp(), Map.of("name", changed.name(), "active", changed.active(),
                            "credits", changed.credits(), "priceCents", changed.price().minorUnits()));
            return changed;
        });
    }
}
