package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import java.time.Instant;
import java.util.List;

/** The scheduler's finders of expired holds and credit lots, over the committed rows of the in-memory stores. */
public final class InMemoryPaymentHousekeeping implements PaymentHousekeeping {

    private final InMemorySessions sessions;
    private final InMemoryCreditLedger ledger;

    public InMemoryPaymentHousekeeping(InMemorySessions sessions, InMemoryCreditLedger ledger) {
        this.sessions = sessions;
        this.ledger = ledger;
    }

    @Override
    public List<Due> expiredHolds(Instant now, int limit) {
        return sessions.expiredHolds(now).stream().limit(limit)
                .map(session -> new Due(session.tenantId(), session.id())).toList();
    }

    @Override
    public List<Due> expiredLots(Instant now, int limit) {
        return ledger.expiredLots(now).stream().limit(limit).toList();
    }
}
