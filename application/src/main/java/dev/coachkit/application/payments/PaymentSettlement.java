package dev.coachkit.application.payments;

import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.payments.port.in.PaymentEventNotApplicableException;
import dev.coachkit.application.payments.port.in.ReceivePaymentWebhookUseCase.Outcome;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.payments.port.out.PaymentNotification;
import dev.coachkit.application.payments.port.out.ProcessedPaymentEvents;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies what a provider says about an order — the one path of webhooks and the local checkout page — in
 * the order's tenant, once per provider event: the event id is recorded first, in the same unit of work, so
 * a redelivery changes nothing. Orders only move forward; an event that would move one back is recorded
 * and changes nothing. A payment grants the order's credits and confirms the session it held, if the hold
 * still runs; a payment that comes too late (hold expired, session cancelled) is refunded at once.
 */
final class PaymentSettlement {

    static final String LATE_PAYMENT = "the payment arrived after the session's hold had ended";
    static final String PAID_AFTER_FAILURE = "the payment arrived for an order that had failed or expired";

    private final UnitOfWork unitOfWork;
    private final OrderRepository orders;
    private final CreditLedger ledger;
    private final ProcessedPaymentEvents processed;
    private final SessionRepository sessions;
    private final HeldSessions heldSessions;
    private final EventRecorder events;
    private final IdGenerator ids;
    private final Clock clock;

    PaymentSettlement(UnitOfWork unitOfWork, OrderRepository orders, CreditLedger ledger,
            ProcessedPaymentEvents processed, SessionRepository sessions, HeldSessions heldSessions,
            EventRecorder events, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
        this.ledger = ledger;
        this.processed = processed;
        this.sessions = sessions;
        this.heldSessions = heldSessions;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Applies {@code notification} to order {@code orderId} of {@code tenant}. An order not found, or a refund
     * of an order not paid yet (delivered before its payment), throws {@link PaymentEventNotApplicableException}
     * and changes nothing, so that the provider delivers it again.
     */
    Outcome settle(TenantId tenant, UUID orderId, PaymentNotification notification) {
        return unitOfWork.inTenant(tenant, () -> {
            Instant now = clock.now();
            if (!processed.markApplied(tenant, notification.provider(), notification.eventId(), now)) {
                return Outcome.ALREADY_APPLIED;
            }
            Order order = orders.find(tenant, orderId).orElseThrow(() -> new PaymentEventNotApplicableException(
                    "order " + orderId + " of event " + notification.eventId() + " is not known (yet)"));
            switch (notification.outcome()) {
                case PAID -> order.pay(notification.paymentReference(), now).ifPresentOrElse(
                        paid -> paid(order, paid, now), () -> paidAfterFailure(order, notification, now));
                case FAILED, EXPIRED -> order.fail(OrderStatus.valueOf(notification.outcome().name()))
                        .ifPresent(failed -> failed(order, failed, now));
                case REFUNDED -> refundedAtProvider(order, notification, now);
                case IGNORED -> throw new IllegalArgumentException("an ignored event settles nothing");
            }
            return Outcome.APPLIED;
        });
    }

    private void paid(Order pending, Order paid, Instant now) {
        store(paid, pending.status());
        ledger.grant(paid.creditLot(ids.newId()), LedgerReason.PURCHASE, ids.newId());
        if (paid.sessionId().isEmpty()) {
            events.record(paid.paidEvent(Optional.empty()));
            return;
        }
        UUID sessionId = paid.sessionId().get();
        Optional<Session> confirmed = sessions.find(paid.tenantId(), sessionId).flatMap(held -> held.confirmPaid(now));
        if (confirmed.isEmpty() || !sessions.transition(confirmed.get(), SessionStatus.PENDING_PAYMENT)) {
            refundLatePayment(paid, now);
            return;
        }
        ledger.spendOne(paid.tenantId(), paid.buyerId(), confirmed.get().coachId(), sessionId, ids.newId(), now)
                .orElseThrow(() -> new IllegalStateException("order " + paid.id() + " granted no credit usable with "
                        + "the coach of session " + sessionId));
        events.record(confirmed.get().scheduledBy(paid.buyerId()));
        events.record(paid.paidEvent(Optional.of(sessionId)));
    }

    /** The payment came too late for its session: its credits go back, and so does the money. */
    private void refundLatePayment(Order paid, Instant now) {
        int withdrawn = ledger.withdrawOrder(paid.tenantId(), paid.id(), ids.newId(), now);
        Order refunded = paid.refund(now).orElseThrow();
        store(refunded, OrderStatus.PAID);
        events.record(refunded.refundedEvent(withdrawn, true, Optional.of(LATE_PAYMENT)));
    }

    /** Money for an order already given up on: nothing is granted, and the money goes back. */
    private void paidAfterFailure(Order given, PaymentNotification notification, Instant now) {
        given.payAfterFailure(notification.paymentReference(), now).ifPresent(refunded -> {
            store(refunded, given.status());
            events.record(refunded.refundedEvent(0, true, Optional.of(PAID_AFTER_FAILURE)));
        });
    }

    private void failed(Order pending, Order failed, Instant now) {
        store(failed, pending.status());
        events.record(failed.failedEvent(now));
        failed.sessionId().ifPresent(sessionId -> heldSessions.expire(failed.tenantId(), sessionId));
    }

    /** The provider refunded the payment itself (e.g. from its dashboard): the credits left are withdrawn. */
    private void refundedAtProvider(Order order, PaymentNotification notification, Instant now) {
        if (order.status() == OrderStatus.PENDING) {
            throw new PaymentEventNotApplicableException("event " + notification.eventId() + " refunds order "
                    + order.id() + " before its payment was applied");
        }
        Optional<Order> refunded = order.refund(now);
        if (refunded.isPresent()) {
            int withdrawn = ledger.withdrawOrder(order.tenantId(), order.id(), ids.newId(), now);
            store(refunded.get(), OrderStatus.PAID);
            events.record(refunded.get().refundedEvent(withdrawn, false, Optional.empty()));
        }
    }

    /** A concurrent change of the order (another event, an ADMIN refund) came first: roll back and let it retry. */
    private void store(Order changed, OrderStatus expected) {
        if (!orders.update(changed, expected)) {
            throw new PaymentEventNotApplicableException("order " + changed.id() + " changed concurrently");
        }
    }
}
