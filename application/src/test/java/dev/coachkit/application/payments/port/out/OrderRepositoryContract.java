package dev.coachkit.application.payments.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderRepository} guarantees: orders read back whole, status changes as a compare-and-set
 * (also under concurrency), newest-first keyset pages filtered by buyer and status, and whether a product
 * was ever sold.
 */
public abstract class OrderRepositoryContract extends PaymentStoresFixture {

    protected abstract ProductRepository products();

    protected abstract OrderRepository orders();

    private TenantId tenant;
    private AccountId buyer;
    private Product product;

    @BeforeEach
    void newTenantBuyerAndProduct() {
        tenant = newTenant();
        buyer = newAccount();
        product = aProduct(tenant, Optional.of(newAccount()), 10, T0);
        run(tenant, () -> products().add(product));
    }

    private Order add(Order order) {
        run(tenant, () -> orders().add(order));
        return order;
    }

    @Test
    void an_order_is_read_back_with_every_field() {
        Order pending = add(aPendingOrder(product, buyer, T0));
        Order sparse = add(new Order(UUID.randomUUID(), tenant, product.id(), buyer, Optional.empty(), product.price(),
                3, Optional.empty(), Optional.empty(), OrderStatus.PENDING, Optional.empty(), Optional.empty(),
                Optional.of(UUID.randomUUID()), later(1), Optional.empty(), Optional.empty()));

        assertThat(inTenant(tenant, () -> orders().find(tenant, pending.id()))).contains(pending);
        assertThat(inTenant(tenant, () -> orders().find(tenant, sparse.id()))).contains(sparse);
    }

    @Test
    void an_update_stores_the_new_status_when_the_stored_one_is_still_the_expected_one() {
        Order pending = add(aPendingOrder(product, buyer, T0));
        Order paid = paid(pending, "pi_" + UUID.randomUUID(), later(60));
        Order refunded = refunded(paid, later(120));

        assertThat(inTenant(tenant, () -> orders().update(paid, OrderStatus.PENDING))).isTrue();
        assertThat(inTenant(tenant, () -> orders().find(tenant, pending.id()))).contains(paid);
        assertThat(inTenant(tenant, () -> orders().update(refunded, OrderStatus.PAID))).isTrue();
        assertThat(inTenant(tenant, () -> orders().find(tenant, pending.id()))).contains(refunded);
    }

    @Test
    void an_update_expecting_a_status_the_order_left_changes_nothing() {
        Order pending = add(aPendingOrder(product, buyer, T0));
        Order paid = paid(pending, "pi_" + UUID.randomUUID(), later(60));
        run(tenant, () -> orders().update(paid, OrderStatus.PENDING));

        Order replayed = paid(pending, "pi_other_" + UUID.randomUUID(), later(90));
        assertThat(inTenant(tenant, () -> orders().update(replayed, OrderStatus.PENDING))).isFalse();
        assertThat(inTenant(tenant, () -> orders().find(tenant, pending.id()))).contains(paid);
    }

    @Test
    void of_eight_concurrent_payments_of_one_order_exactly_one_moves_it() throws Exception {
        Order pending = add(aPendingOrder(product, buyer, T0));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Order paid = paid(pending, "pi_" + i + "_" + UUID.randomUUID(), later(60 + i));
                attempts.add(pool.submit(() -> {
                    start.await();
                    return inTenant(tenant, () -> {
                        boolean moved = orders().update(paid, OrderStatus.PENDING);
                        pause(); // the others try while this change is uncommitted
                        return moved;
                    });
                }));
            }
            start.countDown();
            int moved = 0;
            for (Future<Boolean> attempt : attempts) {
                moved += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(moved).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(inTenant(tenant, () -> orders().find(tenant, pending.id()))).get()
                .extracting(Order::status).isEqualTo(OrderStatus.PAID);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void lists_are_newest_first_in_keyset_pages_filtered_by_buyer_and_status() {
        Order first = add(aPendingOrder(product, buyer, T0));
        Order second = add(aPendingOrder(product, buyer, later(1)));
        Order third = add(aPendingOrder(product, buyer, later(2)));
        Order someoneElses = add(aPendingOrder(product, newAccount(), later(3)));
        run(tenant, () -> orders().update(paid(second, "pi_" + UUID.randomUUID(), later(10)), OrderStatus.PENDING));

        Page<Order> firstPage = inTenant(tenant, () -> orders().list(tenant, Optional.of(buyer), Optional.empty(),
                PageRequest.first(2)));
        Page<Order> secondPage = inTenant(tenant, () -> orders().list(tenant, Optional.of(buyer), Optional.empty(),
                PageRequest.first(2).after(firstPage.next().orElseThrow())));

        assertThat(firstPage.items()).extracting(Order::id).containsExactly(third.id(), second.id());
        assertThat(secondPage.items()).extracting(Order::id).containsExactly(first.id());
        assertThat(secondPage.next()).isEmpty();
        assertThat(inTenant(tenant, () -> orders().list(tenant, Optional.empty(), Optional.empty(),
                PageRequest.first(10))).items()).extracting(Order::id)
                .containsExactly(someoneElses.id(), third.id(), second.id(), first.id());
        assertThat(inTenant(tenant, () -> orders().list(tenant, Optional.empty(), Optional.of(OrderStatus.PAID),
                PageRequest.first(10))).items()).extracting(Order::id).containsExactly(second.id());
    }

    @Test
    void a_product_counts_as_sold_once_an_order_of_it_was_paid_even_if_refunded_later() {
        Order pending = add(aPendingOrder(product, buyer, T0));
        assertThat(inTenant(tenant, () -> orders().productSold(tenant, product.id()))).isFalse();

        Order paid = paid(pending, "pi_" + UUID.randomUUID(), later(60));
        run(tenant, () -> orders().update(paid, OrderStatus.PENDING));
        assertThat(inTenant(tenant, () -> orders().productSold(tenant, product.id()))).isTrue();

        run(tenant, () -> orders().update(refunded(paid, later(120)), OrderStatus.PAID));
        assertThat(inTenant(tenant, () -> orders().productSold(tenant, product.id()))).isTrue();
    }

    @Test
    void another_tenant_sees_none_of_the_orders_and_cannot_change_them() {
        Order pending = add(aPendingOrder(product, buyer, T0));
        TenantId other = newTenant();
        Order foreign = new Order(pending.id(), other, pending.productId(), buyer, pending.buyerEmail(),
                pending.amount(), pending.credits(), pending.coachId(), pending.validDays(), OrderStatus.FAILED,
                pending.checkoutUrl(), Optional.empty(), Optional.empty(), pending.createdAt(), Optional.empty(),
                Optional.empty());

        assertThat(inTenant(other, () -> orders().find(other, pending.id()))).isEmpty();
        assertThat(inTenant(other, () -> orders().list(other, Optional.empty(), Optional.empty(),
                PageRequest.first(10)).items())).isEmpty();
        assertThat(inTenant(other, () -> orders().update(foreign, OrderStatus.PENDING))).isFalse();
        assertThat(inTenant(other, () -> orders().productSold(other, product.id()))).isFalse();
        assertThat(inTenant(tenant, () -> orders().find(tenant, pending.id()))).contains(pending);
    }
}
