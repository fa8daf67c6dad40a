package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.in.ListCreditLedgerUseCase;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;

/** The caller's own credit ledger. */
public final class ListCreditLedgerService implements ListCreditLedgerUseCase {

    private final UnitOfWork unitOfWork;
    private final CreditLedger ledger;

    ListCreditLedgerService(UnitOfWork unitOfWork, CreditLedger ledger) {
        this.unitOfWork = unitOfWork;
        this.ledger = ledger;
    }

    @Override
    public Page<CreditEntry> entries(Actor actor, PageRequest page) {
        return unitOfWork.inTenant(actor.tenantId(), () -> ledger.entries(actor.tenantId(), actor.accountId(), page));
    }
}
