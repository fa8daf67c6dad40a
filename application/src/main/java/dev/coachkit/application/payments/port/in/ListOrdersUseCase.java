package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import java.util.Objects;
import java.util.Optional;

/** Orders, newest first: the caller's own, an ADMIN's the whole tenant's. */
public interface ListOrdersUseCase {

    Page<Order> orders(Query query);

    record Query(Actor actor, Optional<OrderStatus> status, PageRequest page) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(page, "page");
        }
    }
}
