package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

/**
 * Orders per tenant in an {@link InMemoryTable}. A change of status is a compare-and-set under a lock, and
 * the order stays reserved for the changing unit until it ends, as PostgreSQL's conditional UPDATE and row
 * lock give: of two concurrent settlements of one order only the first succeeds.
 */
public final class InMemoryOrders implements OrderRepository {

    private static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed();

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<UUID, Order> orders;
    private final Object lock = new Object();
    /** The orders a running unit changed, reserved for it until it ends. */
    private final Map<UUID, InMemoryUnitOfWork.Transaction> uncommittedChanges = new HashMap<>();

    public InMemoryOrders(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.orders = InMemoryTable.perTenant(unitOfWork, Order::tenantId);
    }

    @Override
    public void add(Order order) {
        orders.put(order.id(), order);
    }

    @Override
    public boolean update(Order order, OrderStatus expected) {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        synchronized (lock) {
            InMemoryUnitOfWork.Transaction changing = uncommittedChanges.get(order.id());
            if ((changing != null && changing != transaction)
                    || orders.get(order.id()).filter(stored -> stored.status() == expected).isEmpty()) {
                return false;
            }
            if (changing == null) {
                uncommittedChanges.put(order.id(), transaction);
                Runnable release = () -> {
                    synchronized (lock) {
                        uncommittedChanges.remove(order.id());
                    }
                };
                transaction.afterCommit(release);
                transaction.afterRollback(release);
            }
        }
        orders.put(order.id(), order);
        return true;
    }

    @Override
    public Optional<Order> find(TenantId tenant, UUID id) {
        return orders.get(id).filter(order -> order.tenantId().equals(tenant));
    }

    @Override
    public Page<Order> list(TenantId tenant, Optional<AccountId> buyer, Optional<OrderStatus> status,
            PageRequest page) {
        List<Order> fetched = orders.select(order -> order.tenantId().equals(tenant)
                        && buyer.map(order.buyerId()::equals).orElse(true)
                        && status.map(s -> order.status() == s).orElse(true)
                        && page.after().map(cursor -> positionOf(order).compareTo(KeysetPosition.of(cursor)) < 0)
                                .orElse(true))
                .stream().sorted(NEWEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), order -> positionOf(order).toCursor());
    }

    @Override
    public boolean productSold(TenantId tenant, UUID productId) {
        return !orders.select(order -> order.tenantId().equals(tenant) && order.productId().equals(productId)
                && order.paidAt().isPresent()).isEmpty();
    }

    /** The orders this unit sees, in its tenant: what an export reads. */
    List<Order> rows() {
        return orders.select(order -> true);
    }

    /** Keeps the orders of an erased buyer, as the law requires, but forgets the buyer's e-mail address. */
    void forgetBuyerEmail(AccountId buyer) {
        orders.select(order -> order.buyerId().equals(buyer) && order.buyerEmail().isPresent())
                .forEach(order -> orders.put(order.id(), order.withoutBuyerEmail()));
    }

    /** A committed order of any tenant, outside any unit of work: what the directory's look-ups read. */
    Optional<Order> findAcrossTenants(UUID id) {
        return orders.selectAcrossTenants(order -> order.id().equals(id)).stream().findFirst();
    }

    /** The committed order whose payment the provider knows as {@code reference}, of any tenant. */
    Optional<Order> findByPaymentReference(String reference) {
        return orders.selectAcrossTenants(order -> order.paymentReference().filter(reference::equals).isPresent())
                .stream().findFirst();
    }

    private static KeysetPosition positionOf(Order order) {
        return new KeysetPosition(order.createdAt(), order.id());
    }
}
