package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.LocalCheckoutUseCase;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * The local provider's checkout page: exists only while the local provider is the configured one. Paying or
 * declining settles the order as a provider event would, through {@link PaymentSettlement}.
 */
public final class LocalCheckoutService implements LocalCheckoutUseCase {

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final PaymentDirectory directory;
    private final PaymentProvider provider;
    private final PaymentSettlement settlement;
    private final IdGenerator ids;

    LocalCheckoutService(UnitOfWork unitOfWork, ProductRepository products, OrderRepository orders,
            PaymentDirectory directory, PaymentProvider provider, PaymentSettlement settlement, IdGenerator ids) {
        this.unitOfWork = unitOfWork;
        this.products = products;
        this.orders = orders;
        this.directory = directory;
        this.provider = provider;
        this.settlement = settlement;
        this.ids = ids;
    }

    @Override
    public CheckoutPage page(UUID orderId) {
        TenantId tenant = tenantOf(orderId);
        return unitOfWork.inTenant(tenant, () -> {
            Order order = order(tenant, orderId);
            Product product = products.find(tenant, order.productId())
                    .orElseThrow(() -> new NotFoundException("product", order.productId()));
            return new CheckoutPage(order, product);
        });
    }

    @Override
    public Order settle(UUID orderId, boolean paid) {
        TenantId tenant = tenantOf(orderId);
        settlement.settle(tenant, orderId, new PaymentNotification(LocalPaymentProvider.NAME, ids.newId().toString(),
                paid ? PaymentNotification.Outcome.PAID : PaymentNotification.Outcome.FAILED, Optional.of(orderId),
                Optional.of("local_" + orderId), Optional.empty()));
        return unitOfWork.inTenant(tenant, () -> order(tenant, orderId));
    }

    private TenantId tenantOf(UUID orderId) {
        if (!LocalPaymentProvider.NAME.equals(provider.name())) {
            throw new NotFoundException("local checkout of order", orderId);
        }
        return unitOfWork.withoutTenant(() -> directory.tenantOfOrder(orderId))
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }

    private Order order(TenantId tenant, UUID orderId) {
        return orders.find(tenant, orderId).orElseThrow(() -> new NotFoundException("order", orderId));
    }
}
