package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.ListOrdersUseCase;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import java.util.Optional;

/** The caller's orders; an ADMIN's, the whole tenant's. */
public final class ListOrdersService implements ListOrdersUseCase {

    private final UnitOfWork unitOfWork;
    private final OrderRepository orders;

    ListOrdersService(UnitOfWork unitOfWork, OrderRepository orders) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
    }

    @Override
    public Page<Order> orders(Query query) {
        Actor actor = query.actor();
        return unitOfWork.inTenant(actor.tenantId(), () -> orders.list(actor.tenantId(),
                actor.isAdmin() ? Optional.empty() : Optional.of(actor.accountId()), query.status(), query.page()));
    }
}
