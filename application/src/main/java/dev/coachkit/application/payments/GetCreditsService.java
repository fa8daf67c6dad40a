package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.GetCreditsUseCase;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.shared.Actor;
import java.util.List;

/** The caller's usable credits, per lot. */
public final class GetCreditsService implements GetCreditsUseCase {

    private final UnitOfWork unitOfWork;
    private final CreditLedger ledger;
    private final Clock clock;

    GetCreditsService(UnitOfWork unitOfWork, CreditLedger ledger, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public List<CreditBalance> balances(Actor actor) {
        return unitOfWork.inTenant(actor.tenantId(),
                () -> ledger.balances(actor.tenantId(), actor.accountId(), clock.now()));
    }
}
