package dev.coachkit.application.payments.port.out;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditEntry;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.Page;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CreditLedger} guarantees: lots granted with their entry, one credit spent from the usable
 * lot expiring first (never below zero, also when sixteen bookings race for the last one), a spent credit
 * given back once, withdrawals all or nothing, expiry, balances of usable lots only, and a ledger whose sum
 * per lot is the lot's remaining count.
 */
public abstract class CreditLedgerContract extends PaymentStoresFixture {

    protected abstract ProductRepository products();

    protected abstract OrderRepository orders();

    protected abstract CreditLedger creditLedger();

    private static final Instant NOW = T0.plus(Duration.ofDays(1));

    private TenantId tenant;
    private AccountId athlete;
    private AccountId coach;
    private Product anyCoachPack;

    @BeforeEach
    void newTenantAthleteCoachAndProduct() {
        tenant = newTenant();
        athlete = newAccount();
        coach = newAccount();
        anyCoachPack = product(Optional.empty());
    }

    private Product product(Optional<AccountId> coachOfPack) {
        Product product = aProduct(tenant, coachOfPack, 10, T0);
        run(tenant, () -> products().add(product));
        return product;
    }

    /** A lot of {@code credits} of {@code product} bought through a paid order. */
    private CreditLot purchased(Product product, int credits, Optional<Instant> expiresAt) {
        Order pending = aPendingOrder(product, athlete, T0);
        Order paid = paid(pending, "pi_" + UUID.randomUUID(), T0);
        CreditLot lot = new CreditLot(UUID.randomUUID(), tenant, athlete, product.id(), product.coachId(),
                Optional.of(paid.id()), credits, expiresAt, T0);
        run(tenant, () -> {
            orders().add(pending);
            orders().update(paid, OrderStatus.PENDING);
            creditLedger().grant(lot, LedgerReason.PURCHASE, UUID.randomUUID());
        });
        return lot;
    }

    /** A lot of {@code credits} an ADMIN gave, without an order. */
    private CreditLot adjusted(Product product, int credits, Optional<Instant> expiresAt, Instant at) {
        CreditLot lot = new CreditLot(UUID.randomUUID(), tenant, athlete, product.id(), product.coachId(),
                Optional.empty(), credits, expiresAt, at);
        run(tenant, () -> creditLedger().grant(lot, LedgerReason.ADJUSTMENT, UUID.randomUUID()));
        return lot;
    }

    private Optional<CreditEntry> spend(AccountId withCoach, UUID sessionId, Instant at) {
        return inTenant(tenant, () -> creditLedger().spendOne(tenant, athlete, withCoach, sessionId,
                UUID.randomUUID(), at));
    }

    private List<CreditBalance> balances(Instant at) {
        return inTenant(tenant, () -> creditLedger().balances(tenant, athlete, at));
    }

    private int total(Instant at) {
        return balances(at).stream().mapToInt(CreditBalance::remaining).sum();
    }

    private List<CreditEntry> allEntries() {
        List<CreditEntry> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            PageRequest request = page;
            Page<CreditEntry> found = inTenant(tenant, () -> creditLedger().entries(tenant, athlete, request));
            all.addAll(found.items());
            if (found.next().isEmpty()) {
                return all;
            }
            page = page.after(found.next().get());
        }
    }

    @Test
    void a_granted_lot_is_a_balance_with_its_purchase_entry() {
        CreditLot lot = purchased(anyCoachPack, 5, Optional.of(NOW.plus(Duration.ofDays(30))));

        assertThat(balances(NOW)).containsExactly(new CreditBalance(lot.id(), anyCoachPack.id(), Optional.empty(), 5,
                lot.expiresAt()));
        assertThat(allEntries()).extracting(CreditEntry::lotId, CreditEntry::delta, CreditEntry::reason,
                CreditEntry::orderId, CreditEntry::sessionId, CreditEntry::accountId, CreditEntry::tenantId)
                .containsExactly(tuple(lot.id(), 5, LedgerReason.PURCHASE, lot.orderId(), Optional.empty(), athlete,
                        tenant));
    }

    @Test
    void a_credit_is_spent_from_the_usable_lot_that_expires_first() {
        CreditLot forever = adjusted(anyCoachPack, 2, Optional.empty(), T0);
        CreditLot late = purchased(anyCoachPack, 2, Optional.of(NOW.plus(Duration.ofDays(60))));
        CreditLot soon = purchased(anyCoachPack, 1, Optional.of(NOW.plus(Duration.ofDays(2))));
        UUID session = UUID.randomUUID();

        CreditEntry spent = spend(coach, session, NOW).orElseThrow();

        assertThat(spent.lotId()).isEqualTo(soon.id());
        assertThat(spent.delta()).isEqualTo(-1);
        assertThat(spent.reason()).isEqualTo(LedgerReason.BOOKING);
        assertThat(spent.sessionId()).contains(session);
        assertThat(spent.accountId()).isEqualTo(athlete);
        assertThat(spent.createdAt()).isEqualTo(NOW);
        assertThat(spend(coach, UUID.randomUUID(), NOW).orElseThrow().lotId()).isEqualTo(late.id());
        assertThat(balances(NOW)).extracting(CreditBalance::lotId, CreditBalance::remaining)
                .containsExactly(tuple(late.id(), 1), tuple(forever.id(), 2));
    }

    @Test
    void an_account_without_credits_spends_nothing() {
        assertThat(spend(coach, UUID.randomUUID(), NOW)).isEmpty();
        assertThat(allEntries()).isEmpty();
    }

    @Test
    void an_expired_lot_cannot_be_spent_and_is_not_a_balance() {
        purchased(anyCoachPack, 3, Optional.of(NOW.minusSeconds(1)));
        purchased(anyCoachPack, 3, Optional.of(NOW));

        assertThat(spend(coach, UUID.randomUUID(), NOW)).isEmpty();
        assertThat(balances(NOW)).isEmpty();
        assertThat(balances(NOW.minusSeconds(2))).hasSize(2);
    }

    @Test
    void a_lot_of_one_coach_cannot_be_spent_with_another() {
        Product coachPack = product(Optional.of(coach));
        CreditLot lot = purchased(coachPack, 1, Optional.empty());

        assertThat(spend(newAccount(), UUID.randomUUID(), NOW)).isEmpty();
        assertThat(spend(coach, UUID.randomUUID(), NOW)).get().extracting(CreditEntry::lotId).isEqualTo(lot.id());
    }

    @Test
    void a_spent_credit_is_given_back_once_to_the_lot_it_came_from() {
        CreditLot lot = purchased(anyCoachPack, 2, Optional.empty());
        UUID session = UUID.randomUUID();
        spend(coach, session, NOW);

        Optional<CreditEntry> back = inTenant(tenant, () -> creditLedger().returnSpent(tenant, session,
                UUID.randomUUID(), NOW.plusSeconds(60)));
        Optional<CreditEntry> again = inTenant(tenant, () -> creditLedger().returnSpent(tenant, session,
                UUID.randomUUID(), NOW.plusSeconds(120)));

        assertThat(back).get().extracting(CreditEntry::lotId, CreditEntry::delta, CreditEntry::reason,
                CreditEntry::sessionId).containsExactly(lot.id(), 1, LedgerReason.CANCELLATION, Optional.of(session));
        assertThat(again).isEmpty();
        assertThat(total(NOW)).isEqualTo(2);
        assertThat(allEntries()).filteredOn(entry -> entry.reason() == LedgerReason.CANCELLATION).hasSize(1);
        assertThat(inTenant(tenant, () -> creditLedger().returnSpent(tenant, UUID.randomUUID(), UUID.randomUUID(),
                NOW))).as("a session that spent nothing").isEmpty();
    }

    @Test
    void a_credit_spent_from_a_refunded_lot_does_not_come_back_on_cancellation() {
        CreditLot lot = purchased(anyCoachPack, 2, Optional.empty());
        UUID session = UUID.randomUUID();
        spend(coach, session, NOW);
        run(tenant, () -> creditLedger().withdrawOrder(tenant, lot.orderId().orElseThrow(), UUID.randomUUID(),
                NOW.plusSeconds(60)));

        Optional<CreditEntry> back = inTenant(tenant, () -> creditLedger().returnSpent(tenant, session,
                UUID.randomUUID(), NOW.plusSeconds(120)));

        assertThat(back).as("the money went back already").isEmpty();
        assertThat(total(NOW)).isZero();
    }

    @Test
    void withdrawing_an_order_takes_back_what_is_left_of_its_lot_once() {
        CreditLot lot = purchased(anyCoachPack, 5, Optional.empty());
        spend(coach, UUID.randomUUID(), NOW);
        spend(coach, UUID.randomUUID(), NOW);

        int withdrawn = inTenant(tenant, () -> creditLedger().withdrawOrder(tenant, lot.orderId().orElseThrow(),
                UUID.randomUUID(), NOW.plusSeconds(60)));
        int again = inTenant(tenant, () -> creditLedger().withdrawOrder(tenant, lot.orderId().orElseThrow(),
                UUID.randomUUID(), NOW.plusSeconds(120)));

        assertThat(withdrawn).isEqualTo(3);
        assertThat(again).isZero();
        assertThat(balances(NOW)).isEmpty();
        assertThat(allEntries()).filteredOn(entry -> entry.reason() == LedgerReason.REFUND)
                .extracting(CreditEntry::lotId, CreditEntry::delta, CreditEntry::orderId)
                .containsExactly(tuple(lot.id(), -3, lot.orderId()));
    }

    @Test
    void a_withdrawal_takes_all_it_asks_for_or_nothing() {
        CreditLot sooner = adjusted(anyCoachPack, 3, Optional.of(NOW.plus(Duration.ofDays(5))), T0);
        CreditLot later = adjusted(anyCoachPack, 2, Optional.of(NOW.plus(Duration.ofDays(9))), T0);
        CreditLot otherProduct = adjusted(product(Optional.empty()), 4, Optional.empty(), T0);
        int entriesBefore = allEntries().size();

        boolean tooMany = inTenant(tenant, () -> creditLedger().withdraw(tenant, athlete, anyCoachPack.id(), 6,
                UUID.randomUUID(), NOW));

        assertThat(tooMany).isFalse();
        assertThat(allEntries()).hasSize(entriesBefore);
        assertThat(total(NOW)).isEqualTo(9);

        boolean four = inTenant(tenant, () -> creditLedger().withdraw(tenant, athlete, anyCoachPack.id(), 4,
                UUID.randomUUID(), NOW));

        assertThat(four).isTrue();
        assertThat(balances(NOW)).extracting(CreditBalance::lotId, CreditBalance::remaining)
                .containsExactlyInAnyOrder(tuple(later.id(), 1), tuple(otherProduct.id(), 4));
        assertThat(allEntries()).filteredOn(entry -> entry.reason() == LedgerReason.ADJUSTMENT && entry.delta() < 0)
                .extracting(CreditEntry::lotId, CreditEntry::delta)
                .containsExactlyInAnyOrder(tuple(sooner.id(), -3), tuple(later.id(), -1));
    }

    @Test
    void an_expired_lot_is_zeroed_once() {
        CreditLot lot = purchased(anyCoachPack, 4, Optional.of(NOW.minusSeconds(60)));

        Optional<CreditEntry> expired = inTenant(tenant, () -> creditLedger().expire(tenant, lot.id(),
                UUID.randomUUID(), NOW));
        Optional<CreditEntry> again = inTenant(tenant, () -> creditLedger().expire(tenant, lot.id(),
                UUID.randomUUID(), NOW));

        assertThat(expired).get().extracting(CreditEntry::lotId, CreditEntry::delta, CreditEntry::reason)
                .containsExactly(lot.id(), -4, LedgerReason.EXPIRY);
        assertThat(again).isEmpty();
        assertThat(balances(NOW.minus(Duration.ofDays(2)))).as("nothing left, even before the expiry").isEmpty();
    }

    @Test
    void the_sum_of_a_lots_entries_is_its_remaining_count() {
        CreditLot a = purchased(anyCoachPack, 5, Optional.empty());
        CreditLot b = adjusted(anyCoachPack, 3, Optional.of(NOW.plus(Duration.ofDays(3))), T0);
        UUID returned = UUID.randomUUID();
        spend(coach, returned, NOW);
        spend(coach, UUID.randomUUID(), NOW);
        run(tenant, () -> creditLedger().returnSpent(tenant, returned, UUID.randomUUID(), NOW));
        run(tenant, () -> creditLedger().withdraw(tenant, athlete, anyCoachPack.id(), 2, UUID.randomUUID(), NOW));

        Map<UUID, Integer> sums = allEntries().stream()
                .collect(Collectors.groupingBy(CreditEntry::lotId, Collectors.summingInt(CreditEntry::delta)));
        Map<UUID, Integer> remaining = new HashMap<>(Map.of(a.id(), 0, b.id(), 0));
        balances(NOW).forEach(balance -> remaining.put(balance.lotId(), balance.remaining()));

        assertThat(sums).isEqualTo(remaining);
        assertThat(remaining.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    @Test
    void the_ledger_is_newest_first_in_keyset_pages() {
        adjusted(anyCoachPack, 3, Optional.empty(), T0);
        UUID session = UUID.randomUUID();
        CreditEntry booking = spend(coach, session, NOW).orElseThrow();
        CreditEntry cancellation = inTenant(tenant, () -> creditLedger().returnSpent(tenant, session,
                UUID.randomUUID(), NOW.plusSeconds(60))).orElseThrow();

        Page<CreditEntry> first = inTenant(tenant, () -> creditLedger().entries(tenant, athlete, PageRequest.first(2)));
        Page<CreditEntry> second = inTenant(tenant, () -> creditLedger().entries(tenant, athlete,
                PageRequest.first(2).after(first.next().orElseThrow())));

        assertThat(first.items()).containsExactly(cancellation, booking);
        assertThat(second.items()).extracting(CreditEntry::reason).containsExactly(LedgerReason.ADJUSTMENT);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void of_sixteen_concurrent_bookings_spending_the_last_credit_exactly_one_gets_it() throws Exception {
        purchased(anyCoachPack, 1, Optional.empty());

        int spent = concurrentSpends(16);

        assertThat(spent).isEqualTo(1);
        assertThat(total(NOW)).isZero();
        assertThat(allEntries()).filteredOn(entry -> entry.reason() == LedgerReason.BOOKING).hasSize(1);
    }

    @Test
    void concurrent_bookings_spend_every_credit_of_several_lots_and_no_more() throws Exception {
        purchased(anyCoachPack, 1, Optional.of(NOW.plus(Duration.ofDays(1))));
        purchased(anyCoachPack, 1, Optional.of(NOW.plus(Duration.ofDays(2))));
        adjusted(anyCoachPack, 1, Optional.empty(), T0);

        int spent = concurrentSpends(16);

        assertThat(spent).isEqualTo(3);
        assertThat(total(NOW)).isZero();
    }

    /** How many of {@code threads} spends, each in a unit of work of its own started together, got a credit. */
    private int concurrentSpends(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return inTenant(tenant, () -> {
                        Optional<CreditEntry> entry = creditLedger().spendOne(tenant, athlete, coach,
                                UUID.randomUUID(), UUID.randomUUID(), NOW);
                        pause(); // the others try while this spend is uncommitted
                        return entry.isPresent();
                    });
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> attempt : attempts) {
                succeeded += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return succeeded;
        } finally {
            pool.shutdown();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void another_tenant_sees_and_spends_none_of_the_credits() {
        purchased(anyCoachPack, 3, Optional.empty());
        TenantId other = newTenant();

        assertThat(inTenant(other, () -> creditLedger().balances(other, athlete, NOW))).isEmpty();
        assertThat(inTenant(other, () -> creditLedger().entries(other, athlete, PageRequest.first(10)).items()))
                .isEmpty();
        assertThat(inTenant(other, () -> creditLedger().spendOne(other, athlete, coach, UUID.randomUUID(),
                UUID.randomUUID(), NOW))).isEmpty();
        assertThat(total(NOW)).isEqualTo(3);
    }
}
