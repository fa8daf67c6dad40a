package dev.coachkit.application.payments;

import static dev.coachkit.application.testing.PaymentBuilders.aPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.application.CoachKit;
import dev.coachkit.application.identity.port.in.RegisterAccountUseCase;
import dev.coachkit.application.payments.port.in.CheckoutUseCase;
import dev.coachkit.application.payments.port.in.ListOrdersUseCase;
import dev.coachkit.application.testing.TickingClock;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.BusinessRuleException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deployment whose operator chose no payment provider: nothing can be bought, nothing pays for free. */
class UnconfiguredPaymentProviderTest {

    private final CoachKit core = CoachKit.builder().clock(new TickingClock()).withInMemoryAdapters()
            .paymentProvider(new UnconfiguredPaymentProvider()).build();
    private final PaymentsModule payments = core.payments();

    @Test
    void a_checkout_is_refused_and_neither_the_test_page_nor_a_webhook_exists() {
        Actor admin = core.identity().authenticate().authenticate(core.identity().register().register(
                new RegisterAccountUseCase.Command("ann@club.test", "correct horse battery", "Ann", "Admin", "Club",
                        Optional.empty())).accessToken()).actor();
        Product pack = payments.createProduct().create(aPack(admin).build());

        assertThatThrownBy(() -> payments.checkout().checkout(new CheckoutUseCase.Command(admin, pack.id())))
                .isInstanceOf(BusinessRuleException.class);
        var order = payments.orders().orders(new ListOrdersUseCase.Query(admin, Optional.empty(),
                PageRequest.first(10))).items().get(0);
        assertThat(order.status()).as("given up at once, not left payable").isEqualTo(OrderStatus.FAILED);
        assertThatThrownBy(() -> payments.localCheckout().page(order.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.localCheckout().settle(order.id(), true))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.webhook().receive("{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=x"))
                .isInstanceOf(NotFoundException.class);
    }
}
