package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.adapters.persistence.jooq.Tables.CREDIT_LEDGER;
import static dev.coachkit.adapters.persistence.jooq.Tables.CREDIT_LOTS;

import dev.coachkit.adapters.persistence.jooq.tables.records.CreditLedgerRecord;
import dev.coachkit.adapters.persistence.jooq.tables.records.CreditLotsRecord;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.adapters.persistence.shared.UniqueViolations;
import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Cursor;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Credit lots and their append-only ledger. Every change of a lot's {@code remaining} and the entry that
 * explains it are one statement (a data-modifying CTE), so they commit together. Decrements lock the lot
 * row and keep {@code remaining > 0} in their WHERE; the CHECK constraint on {@code remaining} is the last
 * word. At READ COMMITTED a spender that waited for another's lock re-reads the row and skips a lot that
 * has run dry, going on to the next usable one.
 */
public final class PostgresCreditLedger implements CreditLedger {

    private static final String ENTRY_COLUMNS =
            "tenant_id, id, account_id, lot_id, delta, reason, order_id, session_id, created_at";

    /** {0} tenant, {1} account, {2} coach, {3} now, {4} entry id, {5} session. */
    private static final String SPEND_ONE = """
            with lot as (
                select id, order_id from credit_lots
                 where tenant_id = {0} and account_id = {1} and remaining > 0
                   and (coach_id is null or coach_id = {2})
                   and (expires_at is null or expires_at > {3})
                 order by expires_at asc nulls last, created_at, id
                 limit 1
                   for update
            ), spent as (
                update credit_lots l set remaining = l.remaining - 1
                  from lot
                 where l.tenant_id = {0} and l.id = lot.id and l.remaining > 0
                returning l.id, lot.order_id
            )
            insert into credit_ledger (%s)
            select {0}, {4}, {1}, spent.id, -1, 'BOOKING', spent.order_id, {5}, {3} from spent
            returning %s
            """.formatted(ENTRY_COLUMNS, ENTRY_COLUMNS);

    /**
     * The CANCELLATION entry first, skipped when the session was given back already (a partial unique index
     * allows one per session, and a concurrent return waits for the first to end) or when its lot was
     * refunded (the money went back: a credit must not come back too); the lot gets its credit back only
     * when the entry went in. {0} tenant, {1} session, {2} entry id, {3} now.
     */
    private static final String RETURN_SPENT = """
            with entry as (
                insert into credit_ledger (%s)
                select tenant_id, {2}, account_id, lot_id, 1, 'CANCELLATION', order_id, session_id, {3}
                  from credit_ledger
                 where tenant_id = {0} and session_id = {1} and reason = 'BOOKING'
                   and not exists (select 1 from credit_ledger refund
                                    where refund.tenant_id = {0} and refund.lot_id = credit_ledger.lot_id
                                      and refund.reason = 'REFUND')
                on conflict (tenant_id, session_id) where reason = 'CANCELLATION' do nothing
                returning %s
            ), back as (
                update credit_lots l set remaining = l.remaining + 1
                  from entry
                 where l.tenant_id = {0} and l.id = entry.lot_id
                returning l.id
            )
            select entry.* from entry join back on back.id = entry.lot_id
            """.formatted(ENTRY_COLUMNS, ENTRY_COLUMNS);

    /**
     * Zeroes what is left of the lots {1} selects (locked, re-read after any wait) with one entry each.
     * {0} tenant, {2} reason, {3} entry id, {4} now.
     */
    private static final String ZERO = """
            with lot as (
                select id, account_id, order_id, remaining from credit_lots
                 where tenant_id = {0} and remaining > 0 and {1}
                   for update
            ), zeroed as (
                update credit_lots l set remaining = 0
                  from lot
                 where l.tenant_id = {0} and l.id = lot.id
                returning l.id
            )
            insert into credit_ledger (%s)
            select {0}, {3}, lot.account_id, lot.id, -lot.remaining, {2}, lot.order_id, null::uuid, {4}
              from lot join zeroed on zeroed.id = lot.id
            returning %s
            """.formatted(ENTRY_COLUMNS, ENTRY_COLUMNS);

    private final TenantTransactions transactions;

    public PostgresCreditLedger(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void grant(CreditLot lot, LedgerReason reason, UUID entryId) {
        if (reason != LedgerReason.PURCHASE && reason != LedgerReason.ADJUSTMENT) {
            throw new IllegalArgumentException("a lot is granted as PURCHASE or ADJUSTMENT, not " + reason);
        }
        DSLContext dsl = transactions.require(lot.tenantId());
        UniqueViolations.insertOrConflict(() -> {
            dsl.insertInto(CREDIT_LOTS)
                    .set(CREDIT_LOTS.TENANT_ID, lot.tenantId().value())
                    .set(CREDIT_LOTS.ID, lot.id())
                    .set(CREDIT_LOTS.ACCOUNT_ID, lot.accountId().value())
                    .set(CREDIT_LOTS.PRODUCT_ID, lot.productId())
                    .set(CREDIT_LOTS.COACH_ID, lot.coachId().map(AccountId::value).orElse(null))
                    .set(CREDIT_LOTS.ORDER_ID, lot.orderId().orElse(null))
                    .set(CREDIT_LOTS.CREDITS, lot.credits())
                    .set(CREDIT_LOTS.REMAINING, lot.credits())
                    .set(CREDIT_LOTS.EXPIRES_AT, Timestamps.toColumn(lot.expiresAt().orElse(null)))
                    .set(CREDIT_LOTS.CREATED_AT, Timestamps.toColumn(lot.createdAt()))
                    .execute();
            dsl.insertInto(CREDIT_LEDGER)
                    .set(CREDIT_LEDGER.TENANT_ID, lot.tenantId().value())
                    .set(CREDIT_LEDGER.ID, entryId)
                    .set(CREDIT_LEDGER.ACCOUNT_ID, lot.accountId().value())
                    .set(CREDIT_LEDGER.LOT_ID, lot.id())
                    .set(CREDIT_LEDGER.DELTA, lot.credits())
                    .set(CREDIT_LEDGER.REASON, reason.name())
                    .set(CREDIT_LEDGER.ORDER_ID, lot.orderId().orElse(null))
                    .set(CREDIT_LEDGER.CREATED_AT, Timestamps.toColumn(lot.createdAt()))
                    .execute();
        }, () -> "the lot, or a lot of order " + lot.orderId().map(UUID::toString).orElse("-") + ", exists");
    }

    /**
     * A session that spent a credit already is refused by the ledger's unique index (one BOOKING per session);
     * the statement fails whole, lot included, and the caller gets a conflict.
     */
    @Override
    public Optional<CreditEntry> spendOne(TenantId tenant, AccountId account, AccountId coach, UUID sessionId,
            UUID entryId, Instant now) {
        List<Optional<CreditEntry>> spent = new ArrayList<>(1);
        UniqueViolations.insertOrConflict(() -> spent.add(transactions.require(tenant).resultQuery(SPEND_ONE,
                        DSL.val(tenant.value()), DSL.val(account.value()), DSL.val(coach.value()),
                        DSL.val(Timestamps.toColumn(now)), DSL.val(entryId), DSL.val(sessionId))
                .fetchOptional(PostgresCreditLedger::toEntry)), () -> "the session has spent a credit already");
        return spent.get(0);
    }

    @Override
    public Optional<CreditEntry> returnSpent(TenantId tenant, UUID sessionId, UUID entryId, Instant now) {
        return transactions.require(tenant).resultQuery(RETURN_SPENT, DSL.val(tenant.value()), DSL.val(sessionId),
                        DSL.val(entryId), DSL.val(Timestamps.toColumn(now)))
                .fetchOptional(PostgresCreditLedger::toEntry);
    }

    @Override
    public int withdrawOrder(TenantId tenant, UUID orderId, UUID entryId, Instant now) {
        return zero(tenant, CREDIT_LOTS.ORDER_ID.eq(orderId), LedgerReason.REFUND, entryId, now).stream()
                .mapToInt(entry -> -entry.delta()).sum();
    }

    @Override
    public Optional<CreditEntry> expire(TenantId tenant, UUID lotId, UUID entryId, Instant now) {
        return zero(tenant, CREDIT_LOTS.ID.eq(lotId).and(CREDIT_LOTS.EXPIRES_AT.le(Timestamps.toColumn(now))),
                LedgerReason.EXPIRY, entryId, now).stream().findFirst();
    }

    private List<CreditEntry> zero(TenantId tenant, Condition lots, LedgerReason reason, UUID entryId, Instant now) {
        return transactions.require(tenant).resultQuery(ZERO, DSL.val(tenant.value()), lots, DSL.val(reason.name()),
                        DSL.val(entryId), DSL.val(Timestamps.toColumn(now)))
                .fetch(PostgresCreditLedger::toEntry);
    }

    /**
     * Locks the account's usable lots of the product (soonest expiry first), then takes from them in that
     * order: all of {@code count}, or nothing when fewer are left. The first entry has {@code entryId}; the
     * entry of the n-th further lot touched has a name-based UUID of {@code entryId} and n, so a retry with
     * the same id writes the same entries.
     */
    @Override
    public boolean withdraw(TenantId tenant, AccountId account, UUID productId, int count, UUID entryId,
            Instant now) {
        if (count < 1) {
            throw new IllegalArgumentException("withdraw at least one credit");
        }
        DSLContext dsl = transactions.require(tenant);
        List<CreditLotsRecord> usable = dsl.selectFrom(CREDIT_LOTS)
                .where(CREDIT_LOTS.TENANT_ID.eq(tenant.value()), CREDIT_LOTS.ACCOUNT_ID.eq(account.value()),
                        CREDIT_LOTS.PRODUCT_ID.eq(productId), CREDIT_LOTS.REMAINING.gt(0), notExpiredAt(now))
                .orderBy(CREDIT_LOTS.EXPIRES_AT.asc().nullsLast(), CREDIT_LOTS.CREATED_AT, CREDIT_LOTS.ID)
                .forUpdate()
                .fetch();
        if (usable.stream().mapToInt(CreditLotsRecord::getRemaining).sum() < count) {
            return false;
        }
        int left = count;
        for (int i = 0; left > 0; i++) {
            CreditLotsRecord lot = usable.get(i);
            int take = Math.min(left, lot.getRemaining());
            int updated = dsl.update(CREDIT_LOTS).set(CREDIT_LOTS.REMAINING, CREDIT_LOTS.REMAINING.minus(take))
                    .where(CREDIT_LOTS.TENANT_ID.eq(tenant.value()), CREDIT_LOTS.ID.eq(lot.getId()),
                            CREDIT_LOTS.REMAINING.ge(take))
                    .execute();
            if (updated != 1) {
                // cannot happen while the lock is held; never leave half a withdrawal behind
                throw new IllegalStateException("lot " + lot.getId() + " changed under its lock");
            }
            dsl.insertInto(CREDIT_LEDGER)
                    .set(CREDIT_LEDGER.TENANT_ID, tenant.value())
                    .set(CREDIT_LEDGER.ID, i == 0 ? entryId : derivedId(entryId, i))
                    .set(CREDIT_LEDGER.ACCOUNT_ID, account.value())
                    .set(CREDIT_LEDGER.LOT_ID, lot.getId())
                    .set(CREDIT_LEDGER.DELTA, -take)
                    .set(CREDIT_LEDGER.REASON, LedgerReason.ADJUSTMENT.name())
                    .set(CREDIT_LEDGER.ORDER_ID, lot.getOrderId())
                    .set(CREDIT_LEDGER.CREATED_AT, Timestamps.toColumn(now))
                    .execute();
            left -= take;
        }
        return true;
    }

    private static UUID derivedId(UUID entryId, int n) {
        return UUID.nameUUIDFromBytes((entryId + "/" + n).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<CreditBalance> balances(TenantId tenant, AccountId account, Instant now) {
        return transactions.require(tenant).selectFrom(CREDIT_LOTS)
                .where(CREDIT_LOTS.TENANT_ID.eq(tenant.value()), CREDIT_LOTS.ACCOUNT_ID.eq(account.value()),
                        CREDIT_LOTS.REMAINING.gt(0), notExpiredAt(now))
                .orderBy(CREDIT_LOTS.EXPIRES_AT.asc().nullsLast(), CREDIT_LOTS.CREATED_AT, CREDIT_LOTS.ID)
                .fetch(lot -> new CreditBalance(lot.getId(), lot.getProductId(),
                        Optional.ofNullable(lot.getCoachId()).map(AccountId::of), lot.getRemaining(),
                        Optional.ofNullable(Timestamps.toInstant(lot.getExpiresAt()))));
    }

    @Override
    public Page<CreditEntry> entries(TenantId tenant, AccountId account, PageRequest page) {
        List<Condition> conditions = new ArrayList<>(List.of(CREDIT_LEDGER.TENANT_ID.eq(tenant.value()),
                CREDIT_LEDGER.ACCOUNT_ID.eq(account.value())));
        page.after().ifPresent(cursor -> conditions.add(DSL.row(CREDIT_LEDGER.CREATED_AT, CREDIT_LEDGER.ID)
                .lt(Timestamps.toColumn(cursor.instantKey(0)), cursor.uuidKey(1))));
        List<CreditEntry> fetched = transactions.require(tenant).selectFrom(CREDIT_LEDGER)
                .where(conditions)
                .orderBy(CREDIT_LEDGER.CREATED_AT.desc(), CREDIT_LEDGER.ID.desc())
                .limit(page.limit() + 1)
                .fetch(PostgresCreditLedger::toEntry);
        return Page.fromLookahead(fetched, page.limit(),
                entry -> Cursor.of(entry.createdAt().toString(), entry.id().toString()));
    }

    private static Condition notExpiredAt(Instant now) {
        return CREDIT_LOTS.EXPIRES_AT.isNull().or(CREDIT_LOTS.EXPIRES_AT.gt(Timestamps.toColumn(now)));
    }

    private static CreditEntry toEntry(Record row) {
        CreditLedgerRecord entry = row.into(CREDIT_LEDGER);
        return new CreditEntry(entry.getId(), TenantId.of(entry.getTenantId()), AccountId.of(entry.getAccountId()),
                entry.getLotId(), entry.getDelta(), LedgerReason.valueOf(entry.getReason()),
                Optional.ofNullable(entry.getOrderId()), Optional.ofNullable(entry.getSessionId()),
                Timestamps.toInstant(entry.getCreatedAt()));
    }
}
