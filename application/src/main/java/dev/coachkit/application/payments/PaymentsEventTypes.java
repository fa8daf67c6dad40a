package dev.coachkit.application.payments;

import dev.coachkit.application.events.EventPayload;
import dev.coachkit.application.events.EventType;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.OrderEvent;
import dev.coachkit.domain.payments.OrderFailed;
import dev.coachkit.domain.payments.OrderPaid;
import dev.coachkit.domain.payments.OrderRefunded;
import dev.coachkit.domain.payments.OrderStatus;
import java.util.List;
import java.util.UUID;

/**
 * How payments' events are stored: names, subjects and payload keys as version 1 wrote them. Every one is
 * about an order ({@code orderId} is the subject) and carries {@code productId}, {@code buyerId},
 * {@code coachId} (absent for a pack usable with any coach), {@code amountCents} and {@code currency}.
 */
public final class PaymentsEventTypes {

    private PaymentsEventTypes() {}

    public static List<EventType<?>> all() {
        return List.of(ORDER_PAID, ORDER_FAILED, ORDER_REFUNDED);
    }

    static final EventType<OrderPaid> ORDER_PAID =
            EventType.of(OrderPaid.class, "order.paid", "order", OrderPaid::orderId)
                    .writing(event -> basics(event).put("credits", event.credits())
                            .put("sessionId", event.sessionId()).build())
                    .reading((head, payload) -> new OrderPaid(head.tenantId(), head.subjectId(),
                            payload.uuid("productId"), payload.account("buyerId"), payload.optionalAccount("coachId"),
                            money(payload), (int) payload.number("credits"),
                            payload.optionalString("sessionId").map(UUID::fromString), head.occurredAt()));

    static final EventType<OrderFailed> ORDER_FAILED =
            EventType.of(OrderFailed.class, "order.failed", "order", OrderFailed::orderId)
                    .writing(event -> basics(event).put("status", event.status()).build())
                    .reading((head, payload) -> new OrderFailed(head.tenantId(), head.subjectId(),
                            payload.uuid("productId"), payload.account("buyerId"), payload.optionalAccount("coachId"),
                            money(payload), payload.constant("status", OrderStatus.class), head.occurredAt()));

    static final EventType<OrderRefunded> ORDER_REFUNDED =
            EventType.of(OrderRefunded.class, "order.refunded", "order", OrderRefunded::orderId)
                    .writing(event -> basics(event).put("creditsWithdrawn", event.creditsWithdrawn())
                            .put("paymentReference", event.paymentReference())
                            .put("refundAtProvider", event.refundAtProvider()).put("reason", event.reason()).build())
                    .reading((head, payload) -> new OrderRefunded(head.tenantId(), head.subjectId(),
                            payload.uuid("productId"), payload.account("buyerId"), payload.optionalAccount("coachId"),
                            money(payload), (int) payload.number("creditsWithdrawn"),
                            payload.optionalString("paymentReference"), payload.flag("refundAtProvider"),
                            payload.optionalString("reason"), head.occurredAt()));

    private static EventPayload.Builder basics(OrderEvent event) {
        return EventPayload.builder().put("productId", event.productId()).put("buyerId", event.buyerId())
                .put("coachId", event.coachId()).put("amountCents", event.amount().minorUnits())
                .put("currency", event.amount().currencyCode());
    }

    private static Money money(EventPayload payload) {
        return Money.of(payload.number("amountCents"), payload.string("currency"));
    }
}
