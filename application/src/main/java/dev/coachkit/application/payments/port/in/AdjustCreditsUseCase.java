package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Actor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An ADMIN gives a member credits of a product ({@code delta} > 0, a new lot valid as the product says)
 * or takes some back ({@code delta} < 0; 409 when the member has fewer); ADJUSTMENT entries, audited
 * with the reason. Answers the member's balances afterwards.
 */
public interface AdjustCreditsUseCase {

    List<CreditBalance> adjust(Command command);

    record Command(Actor actor, AccountId accountId, UUID productId, int delta, String reason,
            Optional<String> clientIp) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(clientIp, "clientIp");
        }
    }
}
