package dev.coachkit.domain.payments;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.DomainEvent;
import java.util.Optional;
import java.util.UUID;

/** What happens to an order's payment; each carries who bought from whom, so consumers need not read the order. */
public sealed interface OrderEvent extends DomainEvent permits OrderPaid, OrderFailed, OrderRefunded {

    UUID orderId();

    UUID productId();

    AccountId buyerId();

    /** The coach the product is for; empty for a pack usable with any coach. */
    Optional<AccountId> coachId();

    Money amount();
}
