package dev.coachkit.adapters.persistence.payments;

import static dev.coachkit.application.testing.IdentityBuilders.T0;
import static dev.coachkit.application.testing.IdentityBuilders.aTenant;
import static dev.coachkit.application.testing.IdentityBuilders.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.shared.DatabaseMigrations;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping.Due;
import dev.coachkit.domain.identity.Account;
import dev.coachkit.domain.identity.Tenant;
import dev.coachkit.domain.payments.CreditBalance;
import dev.coachkit.domain.payments.CreditLot;
import dev.coachkit.domain.payments.LedgerReason;
import dev.coachkit.domain.payments.Money;
import dev.coachkit.domain.payments.Product;
import dev.coachkit.domain.scheduling.PaidWith;
import dev.coachkit.domain.scheduling.Session;
import dev.coachkit.domain.scheduling.SessionStatus;
import dev.coachkit.domain.scheduling.TimeRange;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL schema of payments guarantees beyond the port contracts, checked with plain SQL as
 * the roles the server uses: the database refuses a negative balance whatever the code does, the ledger is
 * append-only, the directory functions are the runtime role's only, and the worker role finds expired holds
 * and lots across tenants.
 */
class PostgresPaymentsSchemaTest {

    private static PostgresWorkerPersistence worker;

    private final TestDatabase database = TestDatabase.shared();
    private final PostgresPersistence stores = TestPersistence.shared();
    private TenantId tenant;
    private AccountId athlete;
    private AccountId coach;
    private Product product;

    @BeforeAll
    static void connectWorker() {
        worker = PostgresWorkerPersistence.connect(TestDatabase.shared().worker(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void closeWorker() {
        worker.close();
    }

    @BeforeEach
    void tenantWithAProduct() {
        tenant = newTenant();
        athlete = newAccount();
        coach = newAccount();
        product = new Product(UUID.randomUUID(), tenant, "Pack", Optional.empty(), 5, Money.of(4_900, "EUR"),
                Optional.empty(), Optional.empty(), true, T0);
        stores.unitOfWork().runInTenant(tenant, () -> stores.products().add(product));
    }

    private TenantId newTenant() {
        Tenant created = aTenant().build();
        stores.unitOfWork().runInTenant(created.id(), () -> stores.tenants().add(created));
        return created.id();
    }

    private AccountId newAccount() {
        Account account = anAccount().build();
        stores.unitOfWork().withoutTenant(() -> {
            stores.accounts().add(account);
            return null;
        });
        return account.id();
    }

    private CreditLot grant(TenantId in, Product of, int credits, Optional<Instant> expiresAt) {
        CreditLot lot = new CreditLot(UUID.randomUUID(), in, athlete, of.id(), Optional.empty(), Optional.empty(),
                credits, expiresAt, T0);
        stores.unitOfWork().runInTenant(in, () -> stores.creditLedger().grant(lot, LedgerReason.ADJUSTMENT,
                UUID.randomUUID()));
        return lot;
    }

    @Test
    void the_database_refuses_a_negative_or_excess_remaining_count_even_from_plain_sql() throws SQLException {
        CreditLot lot = grant(tenant, product, 1, Optional.empty());
        try (Connection runtime = runtimeIn(tenant.value())) {
            assertSqlState(() -> execute(runtime, "update credit_lots set remaining = remaining - 2 where id = ?",
                    lot.id()), "23514");
            runtime.rollback();
            setTenant(runtime, tenant.value());
            assertSqlState(() -> execute(runtime, "update credit_lots set remaining = 2 where id = ?", lot.id()),
                    "23514");
            runtime.rollback();
            setTenant(runtime, tenant.value());
            assertSqlState(() -> execute(runtime, """
                    insert into credit_lots (tenant_id, id, account_id, product_id, credits, remaining, created_at)
                    values (?, ?, ?, ?, 1, -1, now())""", tenant.value(), UUID.randomUUID(), athlete.value(),
                    product.id()), "23514");
        }
    }

    @Test
    void the_runtime_role_cannot_rewrite_or_remove_ledger_entries_and_the_owner_is_stopped_too() throws SQLException {
        grant(tenant, product, 3, Optional.empty());
        try (Connection runtime = runtimeIn(tenant.value())) {
            assertThat(execute(runtime, "select 1 from credit_ledger where tenant_id = ?", tenant.value())).isTrue();
            assertSqlState(() -> execute(runtime, "update credit_ledger set delta = 100 where tenant_id = ?",
                    tenant.value()), "42501");
            runtime.rollback();
            setTenant(runtime, tenant.value());
            assertSqlState(() -> execute(runtime, "delete from credit_ledger where tenant_id = ?", tenant.value()),
                    "42501");
            runtime.rollback();
            setTenant(runtime, tenant.value());
            assertSqlState(() -> execute(runtime, "delete from credit_lots where tenant_id = ?", tenant.value()),
                    "42501");
            runtime.rollback();
            setTenant(runtime, tenant.value());
            assertSqlState(() -> execute(runtime, "delete from orders where tenant_id = ?", tenant.value()), "42501");
        }
        try (Connection owner = DriverManager.getConnection(database.owner().jdbcUrl())) {
            assertSqlState(() -> execute(owner, "update credit_ledger set delta = 100 where tenant_id = ?",
                    tenant.value()), "42501");
            assertSqlState(() -> execute(owner, "delete from credit_ledger where tenant_id = ?", tenant.value()),
                    "42501");
        }
    }

    @Test
    void a_session_spends_one_credit_at_most() {
        grant(tenant, product, 3, Optional.empty());
        UUID session = UUID.randomUUID();
        Instant now = T0.plusSeconds(60);
        stores.unitOfWork().runInTenant(tenant, () -> stores.creditLedger().spendOne(tenant, athlete, coach, session,
                UUID.randomUUID(), now));

        assertThatThrownBy(() -> stores.unitOfWork().runInTenant(tenant, () -> stores.creditLedger().spendOne(tenant,
                athlete, coach, session, UUID.randomUUID(), now))).isInstanceOf(ConflictException.class);
        assertThat(stores.unitOfWork().inTenant(tenant, () -> stores.creditLedger().balances(tenant, athlete, now)))
                .extracting(CreditBalance::remaining).containsExactly(2);
    }

    @Test
    void a_ledger_entry_must_move_credits_in_the_direction_of_its_reason() throws SQLException {
        CreditLot lot = grant(tenant, product, 3, Optional.empty());
        try (Connection runtime = runtimeIn(tenant.value())) {
            assertSqlState(() -> execute(runtime, """
                    insert into credit_ledger (tenant_id, id, account_id, lot_id, delta, reason, session_id, created_at)
                    values (?, ?, ?, ?, 1, 'BOOKING', ?, now())""", tenant.value(), UUID.randomUUID(), athlete.value(),
                    lot.id(), UUID.randomUUID()), "23514");
        }
    }

    @Test
    void the_directory_functions_are_security_definers_with_a_pinned_path_for_the_runtime_role_only()
            throws SQLException {
        List<String> functions = List.of("payment_order_tenant", "payment_reference_order", "stripe_account_tenant");
        for (String function : functions) {
            assertThat(database.queryNumberAsOwner("""
                    select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where n.nspname = 'public' and p.proname = ? and p.prosecdef
                       and exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')
                       and has_function_privilege(?, p.oid, 'EXECUTE')
                       and not has_function_privilege(?, p.oid, 'EXECUTE')""", function,
                    DatabaseMigrations.DEFAULT_RUNTIME_ROLE, DatabaseMigrations.DEFAULT_WORKER_ROLE))
                    .as(function).isEqualTo(1);
        }
        try (Connection workerConnection = DriverManager.getConnection(database.worker().jdbcUrl())) {
            assertSqlState(() -> execute(workerConnection, "select payment_order_tenant(?)", UUID.randomUUID()),
                    "42501");
        }
    }

    @Test
    void the_worker_finds_expired_holds_and_expired_lots_with_credits_left_across_tenants() {
        Instant now = T0.plus(Duration.ofDays(1));
        Session expiredHold = hold(tenant, now.minusSeconds(1));
        Session runningHold = hold(tenant, now.plusSeconds(600));
        TenantId other = newTenant();
        Product otherProduct = new Product(UUID.randomUUID(), other, "Pack", Optional.empty(), 5,
                Money.of(4_900, "EUR"), Optional.empty(), Optional.empty(), true, T0);
        stores.unitOfWork().runInTenant(other, () -> stores.products().add(otherProduct));
        Session expiredElsewhere = hold(other, now.minusSeconds(60));
        CreditLot expiredLot = grant(tenant, product, 2, Optional.of(now.minusSeconds(1)));
        CreditLot liveLot = grant(tenant, product, 2, Optional.of(now.plusSeconds(60)));
        CreditLot foreverLot = grant(tenant, product, 2, Optional.empty());
        CreditLot expiredElsewhereLot = grant(other, otherProduct, 1, Optional.of(now.minusSeconds(60)));
        CreditLot emptiedLot = grant(tenant, product, 1, Optional.of(now.minusSeconds(30)));
        stores.unitOfWork().runInTenant(tenant, () -> stores.creditLedger().expire(tenant, emptiedLot.id(),
                UUID.randomUUID(), now));
        PaymentHousekeeping housekeeping = worker.paymentHousekeeping();

        List<Due> holds = housekeeping.expiredHolds(now, 100_000);
        List<Due> lots = housekeeping.expiredLots(now, 100_000);

        assertThat(holds).contains(new Due(tenant, expiredHold.id()), new Due(other, expiredElsewhere.id()))
                .doesNotContain(new Due(tenant, runningHold.id()));
        assertThat(holds.indexOf(new Due(other, expiredElsewhere.id())))
                .as("oldest first").isLessThan(holds.indexOf(new Due(tenant, expiredHold.id())));
        assertThat(lots).contains(new Due(tenant, expiredLot.id()), new Due(other, expiredElsewhereLot.id()))
                .doesNotContain(new Due(tenant, liveLot.id()), new Due(tenant, foreverLot.id()),
                        new Due(tenant, emptiedLot.id()));

        Session paid = Session.reconstitute(expiredHold.id(), tenant, coach, athlete, Optional.empty(),
                expiredHold.time(), SessionStatus.SCHEDULED, Optional.empty(), Optional.empty(), T0, Optional.empty(),
                new Session.Payment(PaidWith.CREDIT, expiredHold.payment().orderId(), Optional.empty()));
        stores.unitOfWork().runInTenant(tenant, () -> stores.sessions().transition(paid, SessionStatus.PENDING_PAYMENT));
        assertThat(housekeeping.expiredHolds(now, 100_000)).doesNotContain(new Due(tenant, expiredHold.id()));
    }

    private Session hold(TenantId in, Instant holdExpiresAt) {
        Instant start = T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(holdCount++));
        Session held = Session.reconstitute(UUID.randomUUID(), in, coach, athlete, Optional.empty(),
                new TimeRange(start, start.plus(Duration.ofHours(1))), SessionStatus.PENDING_PAYMENT, Optional.empty(),
                Optional.empty(), T0, Optional.empty(),
                new Session.Payment(PaidWith.NONE, Optional.of(UUID.randomUUID()), Optional.of(holdExpiresAt)));
        stores.unitOfWork().runInTenant(in, () -> stores.sessions().add(held));
        return held;
    }

    private int holdCount;

    @Test
    void a_held_session_without_a_hold_expiry_is_refused_by_the_database() throws SQLException {
        try (Connection runtime = runtimeIn(tenant.value())) {
            assertSqlState(() -> execute(runtime, """
                    insert into sessions (tenant_id, id, coach_id, athlete_id, starts_at, ends_at, status, created_at)
                    values (?, ?, ?, ?, now() + interval '1 day', now() + interval '25 hours', 'PENDING_PAYMENT', now())
                    """, tenant.value(), UUID.randomUUID(), coach.value(), athlete.value()), "23514");
        }
    }

    private Connection runtimeIn(UUID tenantId) throws SQLException {
        Connection connection = DriverManager.getConnection(database.runtime().jdbcUrl());
        connection.setAutoCommit(false);
        setTenant(connection, tenantId);
        return connection;
    }

    private static void setTenant(Connection connection, UUID tenantId) throws SQLException {
        execute(connection, "select set_config('app.tenant_id', ?, true)", tenantId.toString());
    }

    private static boolean execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.execute()) {
                try (var rows = statement.getResultSet()) {
                    return rows.next();
                }
            }
            return statement.getUpdateCount() > 0;
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertSqlState(SqlAction action, String state) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state));
    }
}
