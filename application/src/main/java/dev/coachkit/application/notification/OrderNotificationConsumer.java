package dev.coachkit.application.notification;

import dev.coachkit.application.events.EventConsumer;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.notification.Notification;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.OrderEvent;
import dev.coachkit.domain.payments.OrderFailed;
import dev.coachkit.domain.payments.OrderPaid;
import dev.coachkit.domain.payments.OrderRefunded;
import dev.coachkit.domain.shared.AccountId;
import java.math.BigDecimal;

/**
 * Every {@link OrderEvent} (paid, failed, refunded): tells the buyer what became of their payment and the
 * pack's coach (when it has one) what became of the sale. Notification types are the event names.
 */
public final class OrderNotificationConsumer implements EventConsumer<OrderEvent> {

    private final Inbox inbox;
    private final IdGenerator ids;
    private final Clock clock;

    public OrderNotificationConsumer(Inbox inbox, IdGenerator ids, Clock clock) {
        this.inbox = inbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "order-notifications";
    }

    @Override
    public Class<OrderEvent> eventType() {
        return OrderEvent.class;
    }

    @Override
    public void consume(OrderEvent event) {
        String amount = amount(event.amount());
        if (event instanceof OrderPaid paid) {
            deliver(event, event.buyerId(), "order.paid", "Payment received", "Your payment of " + amount
                    + " was received: " + paid.credits() + " credit(s) added" + (paid.sessionId().isPresent()
                            ? ", one of them for the session you booked." : "."));
            coach(event, "order.paid", "Session pack sold", "An athlete bought a session pack for " + amount + ".");
        } else if (event instanceof OrderFailed) {
            deliver(event, event.buyerId(), "order.failed", "Payment not completed", "Your payment of " + amount
                    + " did not go through; nothing was charged" + " and any session it held was released.");
        } else {
            OrderRefunded refunded = (OrderRefunded) event;
            deliver(event, event.buyerId(), "order.refunded", "Payment refunded", "Your payment of " + amount
                    + " is refunded" + refunded.reason().map(reason -> ": " + reason + ".").orElse("."));
            coach(event, "order.refunded", "Session pack refunded", "A sale of " + amount + " was refunded.");
        }
    }

    private void coach(OrderEvent event, String type, String title, String body) {
        event.coachId().filter(coach -> !coach.equals(event.buyerId()))
                .ifPresent(coach -> deliver(event, coach, type, title, body));
    }

    private void deliver(OrderEvent event, AccountId recipient, String type, String title, String body) {
        inbox.deliver(new Notification(ids.newId(), event.tenantId(), recipient, type, title, body, "order",
                event.orderId(), clock.now(), null));
    }

    /** {@code 250.00 EUR}: minor units in the currency's own number of decimals. */
    private static String amount(Money money) {
        int decimals = Math.max(0, money.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(money.minorUnits(), decimals).toPlainString() + " " + money.currencyCode();
    }
}
