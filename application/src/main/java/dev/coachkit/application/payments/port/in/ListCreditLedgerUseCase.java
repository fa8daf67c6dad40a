package dev.coachkit.application.payments.port.in;

import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;

/** The caller's credit ledger, newest first. */
public interface ListCreditLedgerUseCase {

    Page<CreditEntry> entries(Actor actor, PageRequest page);
}
