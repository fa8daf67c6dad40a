package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts' credits as lots with an append-only ledger of every change. A lot's remaining count never
 * goes below zero, whatever the concurrency: the adapter guards every decrement atomically (PostgreSQL: a
 * conditional UPDATE in the caller's transaction and a CHECK constraint), so of two bookings racing for
 * the last credit exactly one gets it. All methods run inside the caller's unit of work.
 */
public interface CreditLedger {

    /** Adds the lot with its credits and the entry that explains them (PURCHASE or ADJUSTMENT, +credits). */
    void grant(CreditLot lot, LedgerReason reason, UUID entryId);

    /**
     * Spends one credit of {@code account} usable with {@code coach} at {@code now} — from the lot that
     * expires first — for {@code sessionId}, as a BOOKING entry; empty when the account has none.
     */
    Optional<CreditEntry> spendOne(TenantId tenant, AccountId account, AccountId coach, UUID sessionId,
            UUID entryId, Instant now);

    /**
     * Gives back the credit {@code sessionId} spent, to the lot it came from, as a CANCELLATION entry;
     * empty when the session spent none or it was given back already.
     */
    Optional<CreditEntry> returnSpent(TenantId tenant, UUID sessionId, UUID entryId, Instant now);

    /** Takes back what is left of the lot an order granted, as one REFUND entry; 0 when nothing is left. */
    int withdrawOrder(TenantId tenant, UUID orderId, UUID entryId, Instant now);

    /**
     * Takes {@code count} credits of {@code product} from {@code account}'s lots (ADJUSTMENT entries, one per
     * lot touched), or nothing and false when the account has fewer left.
     */
    boolean withdraw(TenantId tenant, AccountId account, UUID productId, int count, UUID entryId, Instant now);

    /** Zeroes what is left of an expired lot as one EXPIRY entry; empty when nothing was left. */
    Optional<CreditEntry> expire(TenantId tenant, UUID lotId, UUID entryId, Instant now);

    /** The account's lots with credits left and not expired at {@code now}, soonest expiry first. */
    List<CreditBalance> balances(TenantId tenant, AccountId account, Instant now);

    /** The account's ledger, newest first, keyset-paginated on (createdAt, id). */
    Page<CreditEntry> entries(TenantId tenant, AccountId account, PageRequest page);
}
