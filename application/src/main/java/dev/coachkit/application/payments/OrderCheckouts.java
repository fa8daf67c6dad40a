package dev.coachkit.application.payments;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentProvider;
import dev.coachkit.application.payments.port.out.PaymentSettingsRepository;
import dev.coachkit.application.payments.port.out.ProductRepository;
import dev.coachkit.application.shared.AppUrl;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens the provider's checkout of a committed PENDING order, outside any transaction (a provider call may
 * be slow), and stores its URL. When the provider fails the order is FAILED at once, the session it held
 * EXPIRED, and the failure reaches the caller: nobody is left with an order they cannot pay or a slot held
 * for nothing.
 */
final class OrderCheckouts {

    private static final int STORE_ATTEMPTS = 3;

    private final UnitOfWork unitOfWork;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final PaymentSettingsRepository settings;
    private final PaymentProvider provider;
    private final HeldSessions heldSessions;
    private final EventRecorder events;
    private final AppUrl appUrl;
    private final Clock clock;

    OrderCheckouts(UnitOfWork unitOfWork, ProductRepository products, OrderRepository orders,
            PaymentSettingsRepository settings, PaymentProvider provider, HeldSessions heldSessions,
            EventRecorder events, AppUrl appUrl, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.products = products;
        this.orders = orders;
        this.settings = settings;
        this.provider = provider;
        this.heldSessions = heldSessions;
        this.events = events;
        this.appUrl = appUrl;
        this.clock = clock;
    }

    /** The order, placed by a unit of work that committed, with its checkout URL. */
    Order open(TenantId tenant, UUID orderId) {
        return unitOfWork.inTenant(tenant, () -> {
            Order order = orders.find(tenant, orderId).orElseThrow(() -> new NotFoundException("order", orderId));
            Product product = products.find(tenant, order.productId())
                    .orElseThrow(() -> new NotFoundException("product", order.productId()));
            return new Placed(order, request(order, product));
        }).open();
    }

    /**
     * What the provider is asked for {@code order} of {@code product}, read in the caller's unit of work:
     * where the buyer returns to, and the organization's connected account.
     */
    Placed prepare(Order order, Product product) {
        return new Placed(order, request(order, product));
    }

    /**
     * A PENDING order, committed, and what its checkout needs: {@link #open()} asks the provider, then stores the
     * URL.
     */
    final class Placed {
        private final Order order;
        private final PaymentProvider.CheckoutRequest request;

        private Placed(Order order, PaymentProvider.CheckoutRequest request) {
            this.order = order;
            this.request = request;
        }

        Order open() {
            TenantId tenant = order.tenantId();
            PaymentProvider.CheckoutSession checkout;
            try {
                checkout = provider.openCheckout(request);
            } catch (RuntimeException failure) {
                unitOfWork.runInTenant(tenant, () -> fail(tenant, order.id()));
                throw failure;
            }
            Order withUrl = order.withCheckoutUrl(checkout.checkoutUrl());
            if (unitOfWork.inTenant(tenant, () -> orders.update(withUrl, order.status()))) {
                return withUrl;
            }
            // a fast provider settled the order meanwhile: store the URL on the order as it is now
            for (int attempt = 1; ; attempt++) {
                Optional<Order> stored = unitOfWork.inTenant(tenant,
                        () -> store(tenant, order.id(), checkout.checkoutUrl()));
                if (stored.isPresent()) {
                    return stored.get();
                }
                if (attempt == STORE_ATTEMPTS) {
                    throw new IllegalStateException("order " + order.id() + " kept changing while its URL was stored");
                }
            }
        }
    }

    private PaymentProvider.CheckoutRequest request(Order order, Product product) {
        String page = appUrl.value() + "/payments/orders/" + order.id() + "?checkout=";
        return new PaymentProvider.CheckoutRequest(order.tenantId(), order.id(), product.name(), order.amount(),
                order.buyerEmail(), settings.find(order.tenantId()).stripeAccountId(), page + "success",
                page + "cancelled");
    }

    /**
     * Stores the URL on the order as it is now (a fast provider may have settled it already); empty when it
     * changed meanwhile.
     */
    private Optional<Order> store(TenantId tenant, UUID orderId, String checkoutUrl) {
        Order current = orders.find(tenant, orderId).orElseThrow(() -> new NotFoundException("order", orderId));
        Order withUrl = current.withCheckoutUrl(checkoutUrl);
        return orders.update(withUrl, current.status()) ? Optional.of(withUrl) : Optional.empty();
    }

    private void fail(TenantId tenant, UUID orderId) {
        Optional<Order> failed = orders.find(tenant, orderId).flatMap(order -> order.fail(OrderStatus.FAILED));
        if (failed.isPresent() && orders.update(failed.get(), OrderStatus.PENDING)) {
            events.record(failed.get().failedEvent(clock.now()));
            failed.get().sessionId().ifPresent(sessionId -> heldSessions.expire(tenant, sessionId));
        }
    }
}
