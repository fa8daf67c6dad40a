package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Order;
import dev.coachkit.domain.payments.OrderStatus;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.PageRequest;
import dev.coachkit.domain.shared.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the payments stores cost in statements, for the routes' statement budgets: every credit movement
 * (spend, give back, withdraw an order, expire) is one statement with its ledger entry, and every read is
 * one. Counted with the adapters' own {@code coachkit_sql_statements_total}, minus the unit of work's own.
 */
class PaymentsStatementCountTest {

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static final Instant NOW = T0.plusSeconds(3_600);
    private static PostgresPersistence persistence;
    private static TenantId tenant;
    private static AccountId athlete;
    private static AccountId coach;
    private static Product product;

    @BeforeAll
    static void aTenantWithAProduct() {
        persistence = PostgresPersistence.connect(TestDatabase.shared().runtime(), 2, METERS);
        Tenant club = aTenant().build();
        tenant = club.id();
        inTenant(() -> {
            persistence.tenants().add(club);
            return null;
        });
        athlete = account();
        coach = account();
        product = new Product(UUID.randomUUID(), tenant, "Pack", Optional.empty(), 5, Money.of(4_900, "EUR"),
                Optional.empty(), Optional.of(30), true, T0);
        inTenant(() -> {
            persistence.products().add(product);
            return null;
        });
    }

    @AfterAll
    static void close() {
        persistence.close();
    }

    @Test
    void each_credit_movement_and_each_read_is_one_statement() {
        long unitOnly = statementsOf(() -> inTenant(() -> null));
        Order pending = new Order(UUID.randomUUID(), tenant, product.id(), athlete, Optional.empty(), product.price(),
                5, Optional.empty(), Optional.of(30), OrderStatus.PENDING, Optional.empty(), Optional.empty(),
                Optional.empty(), T0, Optional.empty(), Optional.empty());
        Order paid = new Order(pending.id(), tenant, product.id(), athlete, Optional.empty(), product.price(), 5,
                Optional.empty(), Optional.of(30), OrderStatus.PAID, Optional.empty(),
                Optional.of("pi_" + UUID.randomUUID()), Optional.empty(), T0, Optional.of(T0), Optional.empty());
        CreditLot lot = new CreditLot(UUID.randomUUID(), tenant, athlete, product.id(), Optional.empty(),
                Optional.of(pending.id()), 5, Optional.of(NOW.plusSeconds(86_400)), T0);
        UUID session = UUID.randomUUID();

        assertThat(cost(unitOnly, () -> persistence.orders().add(pending))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.orders().update(paid, OrderStatus.PENDING))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.creditLedger().grant(lot, LedgerReason.PURCHASE,
                UUID.randomUUID()))).isEqualTo(2);
        assertThat(cost(unitOnly, () -> persistence.creditLedger().spendOne(tenant, athlete, coach, session,
                UUID.randomUUID(), NOW))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.creditLedger().returnSpent(tenant, session, UUID.randomUUID(),
                NOW))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.creditLedger().balances(tenant, athlete, NOW))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.creditLedger().entries(tenant, athlete, PageRequest.first(20))))
                .isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.orders().list(tenant, Optional.of(athlete), Optional.empty(),
                PageRequest.first(20)))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.orders().productSold(tenant, product.id()))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.paymentSettings().find(tenant))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.processedPaymentEvents().markApplied(tenant, "stripe",
                "evt_" + UUID.randomUUID(), NOW))).isEqualTo(1);
        assertThat(cost(unitOnly, () -> persistence.creditLedger().withdrawOrder(tenant, pending.id(),
                UUID.randomUUID(), NOW))).isEqualTo(1);
        assertThat(statementsOf(() -> persistence.paymentDirectory().tenantOfOrder(pending.id()))).isEqualTo(1);
    }

    private static long cost(long unitOnly, Runnable work) {
        return statementsOf(() -> inTenant(() -> {
            work.run();
            return null;
        })) - unitOnly;
    }

    private static long statementsOf(Runnable work) {
        double before = METERS.counter("coachkit.sql.statements").count();
        work.run();
        return Math.round(METERS.counter("coachkit.sql.statements").count() - before);
    }

    private static <T> T inTenant(Supplier<T> work) {
        return persistence.unitOfWork().inTenant(tenant, work);
    }

    private static AccountId account() {
        Account account = anAccount().build();
        persistence.unitOfWork().withoutTenant(() -> {
            persistence.accounts().add(account);
            return null;
        });
        return account.id();
    }
}
