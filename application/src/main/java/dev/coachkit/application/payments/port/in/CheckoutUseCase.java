package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.UUID;

/** A member buys an active product: a PENDING order with the provider's checkout URL. */
public interface CheckoutUseCase {

    Order checkout(Command command);

    record Command(Actor actor, UUID productId) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(productId, "productId");
        }
    }
}
