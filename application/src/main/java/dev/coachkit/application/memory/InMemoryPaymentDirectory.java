package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.PaymentDirectory;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** The cross-tenant look-ups of provider callbacks, over the committed rows of the in-memory payment stores. */
public final class InMemoryPaymentDirectory implements PaymentDirectory {

    private final InMemoryOrders orders;
    private final InMemoryPaymentSettings settings;

    public InMemoryPaymentDirectory(InMemoryOrders orders, InMemoryPaymentSettings settings) {
        this.orders = orders;
        this.settings = settings;
    }

    @Override
    public Optional<TenantId> tenantOfOrder(UUID orderId) {
        return orders.findAcrossTenants(orderId).map(Order::tenantId);
    }

    @Override
    public Optional<OrderRef> orderOfPayment(String paymentReference) {
        return orders.findByPaymentReference(paymentReference).map(order -> new OrderRef(order.tenantId(), order.id()));
    }

    @Override
    public Optional<TenantId> tenantOfConnectedAccount(String accountId) {
        return settings.tenantOfConnectedAccount(accountId);
    }
}
