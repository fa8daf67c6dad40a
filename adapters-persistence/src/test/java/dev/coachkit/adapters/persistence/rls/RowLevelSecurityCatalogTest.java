package dev.coachkit.adapters.persistence.rls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Walks the catalog instead of listing tables, so a table added by a later migration is checked
 * without touching this test: every table with a {@code tenant_id} column (and {@code tenants}
 * itself, keyed by {@code id}) must have row-level security enabled and forced with a policy, and
 * the runtime role must see, and be able to move, no row of another tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RowLevelSecurityCatalogTest {

    private static final UUID TENANT_A = UUID.fromString("a0000000-0000-4000-8000-00000000000a");
    private static final UUID TENANT_B = UUID.fromString("b0000000-0000-4000-8000-00000000000b");

    /** A tenant-owned table and the column that names its tenant. */
    record TenantTable(String name, String tenantColumn) {}

    private TestDatabase database;
    private List<TenantTable> tenantTables;

    protected abstract TestDatabase createDatabase();

    @BeforeAll
    void seedBothTenants() throws IOException {
        database = createDatabase();
        database.executeAsOwner(fixture());
        tenantTables = asOwner(dsl -> dsl.resultQuery("""
                        select c.relname::text as name, 'tenant_id' as tenant_column
                          from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                         where n.nspname = 'public' and c.relkind in ('r', 'p')
                        union all
                        select 'tenants', 'id'
                         order by 1""")
                .fetch(row -> new TenantTable(row.get(0, String.class), row.get(1, String.class))));
    }

    @Test
    void the_catalog_lists_the_shared_kernel_tables() {
        assertThat(tenantTables).extracting(TenantTable::name).contains(
                "tenants", "memberships", "outbox_events", "processed_events", "audit_events", "idempotency_keys");
    }

    @Test
    void the_catalog_lists_the_payments_tables() {
        assertThat(tenantTables).extracting(TenantTable::name).contains("products", "orders", "credit_lots",
                "credit_ledger", "payment_settings", "processed_payment_events");
    }

    @Test
    void every_tenant_table_has_row_level_security_enabled_forced_and_a_tenant_policy() {
        for (TenantTable table : tenantTables) {
            var state = asOwner(dsl -> dsl.resultQuery("""
                    select c.relrowsecurity, c.relforcerowsecurity,
                           (select count(*) from pg_policies p
                             where p.schemaname = 'public' and p.tablename = c.relname
                               and p.qual like '%app_current_tenant()%'
                               and p.with_check like '%app_current_tenant()%')::int
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relname = {0}""", DSL.val(table.name())).fetchSingle());

            assertThat(state.get(0, Boolean.class)).as("RLS enabled on %s", table.name()).isTrue();
            assertThat(state.get(1, Boolean.class)).as("RLS forced on %s", table.name()).isTrue();
            assertThat(state.get(2, Integer.class)).as("tenant policy on %s", table.name()).isPositive();
        }
    }

    @Test
    void the_fixture_has_rows_of_both_tenants_in_every_tenant_table() {
        for (TenantTable table : tenantTables) {
            int tenants = asOwner(dsl -> dsl.selectCount().from(dsl.selectDistinct(tenantOf(table)).from(
                    table(name(table.name())))).fetchOne(0, int.class));
            assertThat(tenants).as("rows of both fixture tenants in %s: add them to rls-fixture.sql", table.name())
                    .isEqualTo(2);
        }
    }

    @Test
    void runtime_role_sees_only_rows_of_its_tenant() {
        for (TenantTable table : tenantTables) {
            int own = asRuntimeIn(TENANT_A, dsl -> dsl.fetchCount(table(name(table.name())),
                    tenantOf(table).eq(TENANT_A)));
            int foreign = asRuntimeIn(TENANT_A, dsl -> dsl.fetchCount(table(name(table.name())),
                    tenantOf(table).ne(TENANT_A)));

            assertThat(own).as("own rows visible in %s", table.name()).isPositive();
            assertThat(foreign).as("rows of another tenant visible in %s", table.name()).isZero();
        }
    }

    @Test
    void runtime_role_without_a_tenant_sees_no_rows() {
        for (TenantTable table : tenantTables) {
            int visible = asRuntimeIn(null, dsl -> dsl.fetchCount(table(name(table.name()))));

            assertThat(visible).as("rows visible in %s without a tenant", table.name()).isZero();
        }
    }

    @Test
    void runtime_role_cannot_move_a_row_to_another_tenant() {
        for (TenantTable table : tenantTables) {
            assertThatThrownBy(() -> asRuntimeIn(TENANT_A, dsl -> dsl.update(table(name(table.name())))
                    .set(tenantOf(table), TENANT_B).where(tenantOf(table).eq(TENANT_A)).execute()))
                    .as("moving a row of %s to another tenant", table.name())
                    .isInstanceOfSatisfying(DataAccessException.class,
                            e -> assertThat(e.sqlState()).as("SQLSTATE for %s", table.name()).isEqualTo("42501"));
        }
    }

    private static Field<UUID> tenantOf(TenantTable table) {
        return field(name(table.tenantColumn()), SQLDataType.UUID);
    }

    private <T> T asOwner(Function<DSLContext, T> query) {
        return withConnection(database.owner().jdbcUrl(), query);
    }

    /** Runs the query as the runtime role in a transaction bound to {@code tenant} (none when null). */
    private <T> T asRuntimeIn(UUID tenant, Function<DSLContext, T> query) {
        return withConnection(database.runtime().jdbcUrl(), dsl -> dsl.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            if (tenant != null) {
                transaction.select(DSL.function("set_config", String.class, DSL.val("app.tenant_id"),
                        DSL.val(tenant.toString()), DSL.val(true))).fetch();
            }
            return query.apply(transaction);
        }));
    }

    private static <T> T withConnection(String jdbcUrl, Function<DSLContext, T> query) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            return query.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = RowLevelSecurityCatalogTest.class.getResourceAsStream("/rls-fixture.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
