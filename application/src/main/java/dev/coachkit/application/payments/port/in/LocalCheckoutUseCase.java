package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.Product;
import java.util.UUID;

/**
 * The development provider's checkout page: shows an order and settles it as paid or declined through
 * the same path a provider callback takes. When another provider is configured the page does not exist
 * (NotFoundException), nor does an unknown order.
 */
public interface LocalCheckoutUseCase {

    /** The order and what it sells, for the page. */
    record CheckoutPage(Order order, Product product) {}

    CheckoutPage page(UUID orderId);

    /** Pays ({@code paid} true) or declines the order; a settled order stays as it is. */
    Order settle(UUID orderId, boolean paid);
}
