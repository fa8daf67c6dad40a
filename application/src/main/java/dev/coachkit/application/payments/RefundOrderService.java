package dev.coachkit.application.payments;

import dev.coachkit.application.audit.AuditTrail;
import dev.coachkit.application.events.EventRecorder;
import dev.coachkit.application.payments.port.in.RefundOrderUseCase;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.OrderRepository;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.PaymentPolicy;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.NotFoundException;
import dev.coachkit.domain.shared.Text;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An ADMIN's refund: the order REFUNDED and its unused credits withdrawn together with the
 * {@code order.refunded} event, whose consumer returns the money through the provider once committed.
 */
public final class RefundOrderService implements RefundOrderUseCase {

    private static final int MAX_REASON = 500;

    private final UnitOfWork unitOfWork;
    private final OrderRepository orders;
    private final CreditLedger ledger;
    private final EventRecorder events;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    RefundOrderService(UnitOfWork unitOfWork, OrderRepository orders, CreditLedger ledger, EventRecorder events,
            AuditTrail audit, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.orders = orders;
        this.ledger = ledger;
        this.events = events;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Order refund(Command command) {
        Actor actor = command.actor();
        return unitOfWork.inTenant(actor.tenantId(), () -> {
            Instant now = clock.now();
            // an order the caller may not see does not exist for them; their own is theirs to see, not to refund
            Order order = orders.find(actor.tenantId(), command.orderId())
                    .filter(found -> PaymentPolicy.maySeeOrder(actor, found))
                    .orElseThrow(() -> new NotFoundException("order", command.orderId()));
            PaymentPolicy.requireAdmin(actor, "refund orders");
            Order refunded = order.refund(now).orElseThrow(() -> new ConflictException(
                    "only a paid order can be refunded; this one is " + order.status()));
            int withdrawn = ledger.withdrawOrder(actor.tenantId(), order.id(), ids.newId(), now);
            if (!orders.update(refunded, OrderStatus.PAID)) {
                throw new ConflictException("the order changed meanwhile; it is no longer PAID");
            }
            Optional<String> reason = command.reason().flatMap(text -> Text.optional(text, "reason", MAX_REASON));
            events.record(refunded.refundedEvent(withdrawn, true, reason));
            audit.record(actor.tenantId(), "order.refunded", Optional.of(actor.accountId()), "order", order.id(),
                    command.clientIp(), Map.of("creditsWithdrawn", withdrawn, "reason", reason.orElse(""),
                            "amountCents", order.amount().minorUnits(), "currency", order.amount().currencyCode()));
            return refunded;
        });
    }
}
