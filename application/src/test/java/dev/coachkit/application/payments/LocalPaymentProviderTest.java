package dev.coachkit.application.payments;

import static dev.coachkit.application.testing.PaymentBuilders.aPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.payments.port.in.CheckoutUseCase;
import dev.coachkit.application.payments.port.in.LocalCheckoutUseCase;
import dev.coachkit.application.payments.port.in.RefundOrderUseCase;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The development provider, which a core embeds when the host configures none. */
class LocalPaymentProviderTest {

    private final CoachKit core = CoachKit.builder().clock(new TickingClock()).publicUrl("https://club.test/")
            .withInMemoryAdapters().build();
    private final PaymentsModule payments = core.payments();

    private Actor admin;
    private Product pack;

    @BeforeEach
    void adminSellingAPack() {
        admin = core.identity().authenticate().authenticate(core.identity().register().register(
                new RegisterAccountUseCase.Command("ann@club.test", "correct horse battery", "Ann", "Admin", "Club",
                        Optional.empty())).accessToken()).actor();
        pack = payments.createProduct().create(aPack(admin).build());
    }

    private Order checkout() {
        return payments.checkout().checkout(new CheckoutUseCase.Command(admin, pack.id()));
    }

    @Test
    void the_checkout_is_this_servers_own_page_and_paying_there_grants_the_credits_once() {
        Order order = checkout();

        assertThat(order.checkoutUrl()).contains("https://club.test/payments/local-checkout/" + order.id());
        LocalCheckoutUseCase.CheckoutPage page = payments.localCheckout().page(order.id());
        assertThat(page.product().id()).isEqualTo(pack.id());
        assertThat(page.order().status()).isEqualTo(OrderStatus.PENDING);

        Order paid = payments.localCheckout().settle(order.id(), true);

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paymentReference()).contains("local_" + order.id());
        assertThat(payments.localCheckout().settle(order.id(), false).status()).as("a settled order stays")
                .isEqualTo(OrderStatus.PAID);
        assertThat(payments.credits().balances(admin)).extracting(CreditBalance::remaining).containsExactly(5);
    }

    @Test
    void declining_fails_the_order() {
        Order order = checkout();

        assertThat(payments.localCheckout().settle(order.id(), false).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(payments.credits().balances(admin)).isEmpty();
    }

    @Test
    void a_refund_has_no_money_to_return_and_unknown_orders_have_no_page() {
        Order order = checkout();
        payments.localCheckout().settle(order.id(), true);

        Order refunded = payments.refund().refund(new RefundOrderUseCase.Command(admin, order.id(), Optional.empty(),
                Optional.empty()));

        assertThat(core.events().drain()).as("order.paid and order.refunded, refunded at no provider").isPositive();
        assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThatThrownBy(() -> payments.localCheckout().page(UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.webhook().receive("{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=x"))
                .as("the local provider sends no callbacks: nothing listens for them").isInstanceOf(NotFoundException.class);
    }
}
