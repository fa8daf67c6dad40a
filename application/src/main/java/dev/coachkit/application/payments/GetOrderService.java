package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.GetOrderUseCase;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.util.UUID;

/** One order for its buyer or an ADMIN; for anyone else it does not exist. */
public final class GetOrderService implements GetOrderUseCase {

    private final UnitOfWork unitOfWork;
    private final OrderRepository orders;

    GetOrderService(UnitOfWork unitOfWork, OrderRepository orders) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
    }

    @Override
    public Order order(Actor actor, UUID orderId) {
        return unitOfWork.inTenant(actor.tenantId(), () -> orders.find(actor.tenantId(), orderId)
                .filter(order -> PaymentPolicy.maySeeOrder(actor, order))
                .orElseThrow(() -> new NotFoundException("order", orderId)));
    }
}
