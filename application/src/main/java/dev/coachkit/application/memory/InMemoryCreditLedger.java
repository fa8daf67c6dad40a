package dev.coachkit.application.memory;

import dev.coachkit.application.payments.port.out.CreditLedger;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Credit lots and their append-only ledger in {@link InMemoryTable}s; what is left of a lot is the sum of its
 * entries, so concurrent units never overwrite each other's changes. What the database's guarded UPDATE and
 * CHECK constraint give the PostgreSQL adapter, a lock gives this one: a lot's credits taken by units that
 * have not committed yet are counted as gone for every other unit, so of concurrent bookings racing for the
 * last credit exactly one gets it, and no lot's remaining count ever goes below zero.
 */
public final class InMemoryCreditLedger implements CreditLedger {

    private static final Comparator<CreditEntry> NEWEST_FIRST =
            Comparator.comparing(CreditEntry::createdAt).thenComparing(CreditEntry::id).reversed();
    /** Lots that expire first are spent first; lots that never expire last. */
    private static final Comparator<Lot> SOONEST_EXPIRY_FIRST = Comparator
            .comparing((Lot lot) -> lot.lot().expiresAt().orElse(Instant.MAX))
            .thenComparing(lot -> lot.lot().createdAt()).thenComparing(lot -> lot.lot().id());

    /** A lot and what is left of it, as one unit sees it. */
    private record Lot(CreditLot lot, int remaining) {
        TenantId tenantId() {
            return lot.tenantId();
        }
    }

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<UUID, CreditLot> lots;
    private final InMemoryTable<UUID, CreditEntry> entries;
    private final Object guard = new Object();
    /** Per lot, the credits each unit still running has taken from it. */
    private final Map<UUID, Map<InMemoryUnitOfWork.Transaction, Integer>> uncommittedDebits = new HashMap<>();

    public InMemoryCreditLedger(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.lots = InMemoryTable.perTenant(unitOfWork, CreditLot::tenantId);
        this.entries = InMemoryTable.perTenant(unitOfWork, CreditEntry::tenantId);
    }

    @Override
    public void grant(CreditLot lot, LedgerReason reason, UUID entryId) {
        lots.put(lot.id(), lot);
        entries.put(entryId, new CreditEntry(entryId, lot.tenantId(), lot.accountId(), lot.id(), lot.credits(), reason,
                lot.orderId(), Optional.empty(), lot.createdAt()));
    }

    @Override
    public Optional<CreditEntry> spendOne(TenantId tenant, AccountId account, AccountId coach, UUID sessionId,
            UUID entryId, Instant now) {
        synchronized (guard) {
            return lots(lot -> lot.tenantId().equals(tenant) && lot.lot().accountId().equals(account)
                            && lot.lot().usableWith(coach, now) && available(lot) > 0)
                    .stream().min(SOONEST_EXPIRY_FIRST)
                    .map(lot -> take(lot, 1, entryId, LedgerReason.BOOKING, Optional.of(sessionId), now));
        }
    }

    @Override
    public Optional<CreditEntry> returnSpent(TenantId tenant, UUID sessionId, UUID entryId, Instant now) {
        List<CreditEntry> ofSession = entries.select(entry -> entry.tenantId().equals(tenant)
                && entry.sessionId().filter(sessionId::equals).isPresent());
        int net = ofSession.stream().mapToInt(CreditEntry::delta).sum();
        Optional<CreditEntry> spent = ofSession.stream().filter(entry -> entry.reason() == LedgerReason.BOOKING)
                .findFirst();
        if (net >= 0 || spent.isEmpty() || refunded(spent.get().lotId())) {
            return Optional.empty();
        }
        CreditLot lot = lots.get(spent.get().lotId()).orElseThrow();
        CreditEntry returned = new CreditEntry(entryId, tenant, lot.accountId(), lot.id(), 1,
                LedgerReason.CANCELLATION, lot.orderId(), Optional.of(sessionId), now);
        entries.put(entryId, returned);
        return Optional.of(returned);
    }

    /** A refunded lot's money went back: a credit spent from it does not come back on cancellation. */
    private boolean refunded(UUID lotId) {
        return !entries.select(entry -> entry.lotId().equals(lotId) && entry.reason() == LedgerReason.REFUND).isEmpty();
    }

    @Override
    public int withdrawOrder(TenantId tenant, UUID orderId, UUID entryId, Instant now) {
        synchronized (guard) {
            return lots(lot -> lot.tenantId().equals(tenant) && lot.lot().orderId().filter(orderId::equals)
                            .isPresent() && available(lot) > 0)
                    .stream().findFirst()
                    .map(lot -> -take(lot, available(lot), entryId, LedgerReason.REFUND, Optional.empty(), now).delta())
                    .orElse(0);
        }
    }

    @Override
    public boolean withdraw(TenantId tenant, AccountId account, UUID productId, int count, UUID entryId,
            Instant now) {
        synchronized (guard) {
            List<Lot> usable = lots(lot -> lot.tenantId().equals(tenant) && lot.lot().accountId().equals(account)
                            && lot.lot().productId().equals(productId)
                            && lot.lot().expiresAt().map(now::isBefore).orElse(true) && available(lot) > 0)
                    .stream().sorted(SOONEST_EXPIRY_FIRST).toList();
            if (usable.stream().mapToInt(this::available).sum() < count) {
                return false;
            }
            int left = count;
            for (Lot lot : usable) {
                int taken = Math.min(left, available(lot));
                UUID id = left == count ? entryId : UUID.nameUUIDFromBytes((entryId + "/" + lot.lot().id())
                        .getBytes(StandardCharsets.UTF_8)); // one entry per lot touched
                take(lot, taken, id, LedgerReason.ADJUSTMENT, Optional.empty(), now);
                left -= taken;
                if (left == 0) {
                    break;
                }
            }
            return true;
        }
    }

    @Override
    public Optional<CreditEntry> expire(TenantId tenant, UUID lotId, UUID entryId, Instant now) {
        synchronized (guard) {
            return lots.get(lotId).map(this::seen).filter(lot -> lot.tenantId().equals(tenant) && available(lot) > 0
                            && lot.lot().expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent())
                    .map(lot -> take(lot, available(lot), entryId, LedgerReason.EXPIRY, Optional.empty(), now));
        }
    }

    @Override
    public List<CreditBalance> balances(TenantId tenant, AccountId account, Instant now) {
        return lots(lot -> lot.tenantId().equals(tenant) && lot.lot().accountId().equals(account)
                        && lot.remaining() > 0 && lot.lot().expiresAt().map(now::isBefore).orElse(true))
                .stream().sorted(SOONEST_EXPIRY_FIRST)
                .map(lot -> new CreditBalance(lot.lot().id(), lot.lot().productId(), lot.lot().coachId(),
                        lot.remaining(), lot.lot().expiresAt()))
                .toList();
    }

    @Override
    public Page<CreditEntry> entries(TenantId tenant, AccountId account, PageRequest page) {
        List<CreditEntry> fetched = entries.select(entry -> entry.tenantId().equals(tenant)
                        && entry.accountId().equals(account)
                        && page.after().map(cursor -> positionOf(entry).compareTo(KeysetPosition.of(cursor)) < 0)
                                .orElse(true))
                .stream().sorted(NEWEST_FIRST).limit(page.limit() + 1L).toList();
        return Page.fromLookahead(fetched, page.limit(), entry -> positionOf(entry).toCursor());
    }

    /** The ledger entries this unit sees, in its tenant: what an export reads. */
    List<CreditEntry> entryRows() {
        return entries.select(entry -> true);
    }

    /** Committed lots of every tenant with credits left that expired before {@code now}, oldest expiry first. */
    List<PaymentHousekeeping.Due> expiredLots(Instant now) {
        Map<UUID, Integer> remaining = new HashMap<>();
        entries.selectAcrossTenants(entry -> true)
                .forEach(entry -> remaining.merge(entry.lotId(), entry.delta(), Integer::sum));
        return lots.selectAcrossTenants(lot -> remaining.getOrDefault(lot.id(), 0) > 0
                        && lot.expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent())
                .stream().map(lot -> new Lot(lot, remaining.get(lot.id()))).sorted(SOONEST_EXPIRY_FIRST)
                .map(lot -> new PaymentHousekeeping.Due(lot.tenantId(), lot.lot().id())).toList();
    }

    /** The lots this unit sees, with what is left of each, that match {@code filter}. */
    private List<Lot> lots(Predicate<Lot> filter) {
        Map<UUID, Integer> remaining = remainingByLot();
        return lots.select(lot -> true).stream().map(lot -> new Lot(lot, remaining.getOrDefault(lot.id(), 0)))
                .filter(filter).toList();
    }

    private Lot seen(CreditLot lot) {
        return new Lot(lot, remainingByLot().getOrDefault(lot.id(), 0));
    }

    /** What is left of each lot this unit sees: the sum of its entries. */
    private Map<UUID, Integer> remainingByLot() {
        Map<UUID, Integer> remaining = new HashMap<>();
        entries.select(entry -> true).forEach(entry -> remaining.merge(entry.lotId(), entry.delta(), Integer::sum));
        return remaining;
    }

    /**
     * What this unit may still take from the lot: what it sees, less what other units took and have not
     * committed yet. Read under the commit lock, so that a unit committing meanwhile is counted once, in
     * its entries, and not also as a debit. Under the guard.
     */
    private int available(Lot lot) {
        InMemoryUnitOfWork.Transaction own = unitOfWork.current();
        UUID lotId = lot.lot().id();
        synchronized (unitOfWork.commitLock()) {
            int remaining = entries.select(entry -> entry.lotId().equals(lotId)).stream()
                    .mapToInt(CreditEntry::delta).sum();
            int takenByOthers = uncommittedDebits.getOrDefault(lotId, Map.of()).entrySet().stream()
                    .filter(debit -> debit.getKey() != own && !debit.getKey().committed())
                    .mapToInt(Map.Entry::getValue).sum();
            return remaining - takenByOthers;
        }
    }

    /** Takes {@code count} credits of the lot for this unit, as one entry; under the guard. */
    private CreditEntry take(Lot lot, int count, UUID entryId, LedgerReason reason, Optional<UUID> sessionId,
            Instant now) {
        UUID lotId = lot.lot().id();
        InMemoryUnitOfWork.Transaction own = unitOfWork.current();
        Map<InMemoryUnitOfWork.Transaction, Integer> byUnit =
                uncommittedDebits.computeIfAbsent(lotId, id -> new IdentityHashMap<>());
        if (!byUnit.containsKey(own)) {
            Runnable release = () -> {
                synchronized (guard) {
                    Map<InMemoryUnitOfWork.Transaction, Integer> debits = uncommittedDebits.get(lotId);
                    debits.remove(own);
                    if (debits.isEmpty()) {
                        uncommittedDebits.remove(lotId);
                    }
                }
            };
            own.afterCommit(release);
            own.afterRollback(release);
        }
        byUnit.merge(own, count, Integer::sum);
        CreditEntry entry = new CreditEntry(entryId, lot.tenantId(), lot.lot().accountId(), lotId, -count, reason,
                lot.lot().orderId(), sessionId, now);
        entries.put(entryId, entry);
        return entry;
    }

    private static KeysetPosition positionOf(CreditEntry entry) {
        return new KeysetPosition(entry.createdAt(), entry.id());
    }
}
