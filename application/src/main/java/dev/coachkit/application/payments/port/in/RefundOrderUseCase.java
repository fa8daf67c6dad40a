package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An ADMIN refunds a paid order: it becomes REFUNDED, its unused credits are withdrawn, and the money goes
 * back through the provider (idempotency key from the order id); 409 unless the order is PAID; audited.
 */
public interface RefundOrderUseCase {

    Order refund(Command command);

    record Command(Actor actor, UUID orderId, Optional<String> reason, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
