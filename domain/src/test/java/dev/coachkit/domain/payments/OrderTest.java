package dev.coachkit.domain.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Products, orders and the credits a paid order grants. */
class OrderTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final AccountId COACH = AccountId.of(UUID.randomUUID());
    private static final AccountId BUYER = AccountId.of(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Product tenSessions() {
        return Product.create(UUID.randomUUID(), TENANT, " Ten sessions ", Optional.of(" "), 10,
                Money.of(25_000, "eur"), Optional.of(COACH), Optional.of(90), NOW);
    }

    private static Order pending() {
        return Order.place(UUID.randomUUID(), tenSessions(), BUYER, Optional.of("bo@club.test"), Optional.empty(), NOW);
    }

    @Test
    void an_order_fixes_what_was_sold_at_checkout() {
        Product product = tenSessions();
        Order order = Order.place(UUID.randomUUID(), product, BUYER, Optional.empty(), Optional.empty(), NOW);

        assertThat(product.name()).isEqualTo("Ten sessions");
        assertThat(product.description()).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.amount()).isEqualTo(new Money(25_000, java.util.Currency.getInstance("EUR")));
        assertThat(order.credits()).isEqualTo(10);
        assertThat(order.coachId()).contains(COACH);
    }

    @Test
    void an_inactive_pack_cannot_be_bought() {
        Product retired = tenSessions().edit(new Product.Changes(Optional.empty(), Optional.empty(),
                Optional.of(false), Optional.empty(), Optional.empty()), false);

        assertThatThrownBy(() -> Order.place(UUID.randomUUID(), retired, BUYER, Optional.empty(), Optional.empty(),
                NOW)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void orders_only_move_forward() {
        Order paid = pending().pay(Optional.of("pi_1"), NOW).orElseThrow();

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidAt()).contains(NOW);
        assertThat(paid.paymentReference()).contains("pi_1");
        assertThat(paid.pay(Optional.empty(), NOW)).as("paid twice").isEmpty();
        assertThat(paid.fail(OrderStatus.EXPIRED)).as("an expiry arriving after the payment").isEmpty();
        assertThat(pending().refund(NOW)).as("refunded before it was paid").isEmpty();
        Order refunded = paid.refund(NOW.plusSeconds(60)).orElseThrow();
        assertThat(refunded.refundedAt()).contains(NOW.plusSeconds(60));
        assertThat(refunded.refund(NOW)).isEmpty();
        Order failed = pending().fail(OrderStatus.FAILED).orElseThrow();
        assertThat(failed.pay(Optional.empty(), NOW)).as("a late payment of a declined order").isEmpty();
        assertThat(failed.fail(OrderStatus.EXPIRED)).as("sideways").isEmpty();
        assertThat(failed.refund(NOW)).as("an ADMIN refund of money never taken").isEmpty();
    }

    @Test
    void money_that_arrives_for_an_order_given_up_on_is_refunded_at_once_and_grants_nothing() {
        Order expired = pending().fail(OrderStatus.EXPIRED).orElseThrow();

        Order refunded = expired.payAfterFailure(Optional.of("pi_late"), NOW).orElseThrow();

        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refunded.paymentReference()).contains("pi_late");
        assertThat(refunded.paidAt()).contains(NOW);
        assertThat(refunded.refundedAt()).contains(NOW);
        assertThat(pending().payAfterFailure(Optional.of("pi_1"), NOW)).as("a pending order is simply paid").isEmpty();
        assertThat(refunded.payAfterFailure(Optional.of("pi_2"), NOW)).as("refunded already").isEmpty();
    }

    @Test
    void a_paid_order_grants_one_lot_valid_from_the_payment() {
        Instant paidAt = NOW.plus(Duration.ofDays(2));
        Order paid = pending().pay(Optional.empty(), paidAt).orElseThrow();

        CreditLot lot = paid.creditLot(UUID.randomUUID());

        assertThat(lot.credits()).isEqualTo(10);
        assertThat(lot.orderId()).contains(paid.id());
        assertThat(lot.expiresAt()).contains(paidAt.plus(Duration.ofDays(90)));
        assertThat(lot.usableWith(COACH, paidAt.plus(Duration.ofDays(89)))).isTrue();
        assertThat(lot.usableWith(COACH, paidAt.plus(Duration.ofDays(90)))).as("expired").isFalse();
        assertThat(lot.usableWith(AccountId.of(UUID.randomUUID()), paidAt)).as("another coach").isFalse();
        assertThatThrownBy(() -> pending().creditLot(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void price_and_credits_change_only_before_the_first_sale() {
        Product product = tenSessions();
        Product.Changes reprice = new Product.Changes(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(20_000L), Optional.empty());
        Product.Changes rename = new Product.Changes(Optional.of("Ten lessons"), Optional.of("Clay courts"),
                Optional.empty(), Optional.of(25_000L), Optional.of(10));

        assertThat(product.edit(reprice, false).price().minorUnits()).isEqualTo(20_000);
        assertThatThrownBy(() -> product.edit(reprice, true)).isInstanceOf(ConflictException.class);
        Product renamed = product.edit(rename, true);
        assertThat(renamed.name()).isEqualTo("Ten lessons");
        assertThat(renamed.description()).contains("Clay courts");
    }
}
