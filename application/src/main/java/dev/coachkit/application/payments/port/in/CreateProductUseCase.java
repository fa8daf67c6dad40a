package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;

/** Puts a session pack on sale: ADMIN for anyone, a COACH for themself ({@code coachId} = self); audited. */
public interface CreateProductUseCase {

    Product create(Command command);

    record Command(Actor actor, String name, Optional<String> description, int credits, long priceCents,
            String currency, Optional<AccountId> coachId, Optional<Integer> validDays, Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(coachId, "coachId");
            Objects.requireNonNull(validDays, "validDays");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
