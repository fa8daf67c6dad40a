package dev.coachkit.domain.payments;

/** Why an account's credits changed; every change is one append-only ledger entry. */
public enum LedgerReason {
    PURCHASE,
    BOOKING,
    CANCELLATION,
    REFUND,
    EXPIRY,
    ADJUSTMENT
}
