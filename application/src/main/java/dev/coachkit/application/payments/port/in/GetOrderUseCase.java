package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.shared.Actor;
import java.util.UUID;

/** One order, for its buyer or an ADMIN; anyone else is told it does not exist. */
public interface GetOrderUseCase {

    Order order(Actor actor, UUID orderId);
}
