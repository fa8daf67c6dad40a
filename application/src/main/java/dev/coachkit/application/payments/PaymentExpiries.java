package dev.coachkit.application.payments;

import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping.Due;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.time.Instant;

/**
 * The scheduler's payments job: holds not paid in time expire (their slots free again; a payment arriving
 * later is refunded) and credit lots past their validity lose what is left (an EXPIRY entry). Each in its
 * own tenant's unit of work; a session or lot another change reached first is left as it is, so several
 * schedulers may run the job at once.
 */
public final class PaymentExpiries {

    /** Holds and lots handled per run and kind; a backlog is worked off over the following runs. */
    static final int BATCH = 200;

    /** What one run did. */
    public record Run(int expiredHolds, int expiredLots) {}

    private final UnitOfWork unitOfWork;
    private final PaymentHousekeeping housekeeping;
    private final HeldSessions heldSessions;
    private final CreditLedger ledger;
    private final IdGenerator ids;
    private final Clock clock;

    PaymentExpiries(UnitOfWork unitOfWork, PaymentHousekeeping housekeeping, HeldSessions heldSessions,
            CreditLedger ledger, IdGenerator ids, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.housekeeping = housekeeping;
        this.heldSessions = heldSessions;
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    public Run runOnce() {
        Instant now = clock.now();
        int holds = 0;
        for (Due hold : housekeeping.expiredHolds(now, BATCH)) {
            if (unitOfWork.inTenant(hold.tenant(), () -> heldSessions.expire(hold.tenant(), hold.id()))) {
                holds++;
            }
        }
        int lots = 0;
        for (Due lot : housekeeping.expiredLots(now, BATCH)) {
            if (unitOfWork.inTenant(lot.tenant(), () -> ledger.expire(lot.tenant(), lot.id(), ids.newId(), now))
                    .isPresent()) {
                lots++;
            }
        }
        return new Run(holds, lots);
    }
}
