package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Orders, one per checkout; every change of status is a compare-and-set on the stored status. */
public interface OrderRepository {

    void add(Order order);

    /**
     * Stores {@code order} (its status, checkout URL, payment reference, paid and refunded times) if the
     * stored order is still in {@code expected}; false, changing nothing, when another change came first.
     */
    boolean update(Order order, OrderStatus expected);

    Optional<Order> find(TenantId tenant, UUID id);

    /** Orders newest first, keyset-paginated on (createdAt, id); of one buyer when given, in one status when given. */
    Page<Order> list(TenantId tenant, Optional<AccountId> buyer, Optional<OrderStatus> status, PageRequest page);

    /** Whether any order of the product was ever paid: its price and credits are fixed from then on. */
    boolean productSold(TenantId tenant, UUID productId);
}
