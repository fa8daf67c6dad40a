package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The tenant's products for its members; inactive ones too for an ADMIN, and for a coach their own. */
public interface ListProductsUseCase {

    List<Product> products(Query query);

    record Query(Actor actor, Optional<AccountId> coachId, boolean includeInactive) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(coachId, "coachId");
        }
    }
}
