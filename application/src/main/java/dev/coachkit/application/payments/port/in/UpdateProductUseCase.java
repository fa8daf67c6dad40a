package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes a product (ADMIN, its coach); empty fields stay as they are, an empty {@code description}
 * string clears it. Price and credits change only before the first sale (409 after); audited.
 */
public interface UpdateProductUseCase {

    Product update(Command command);

    record Command(Actor actor, UUID productId, Optional<String> name, Optional<String> description,
            Optional<Boolean> active, Optional<Long> priceCents, Optional<Integer> credits,
            Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(priceCents, "priceCents");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
