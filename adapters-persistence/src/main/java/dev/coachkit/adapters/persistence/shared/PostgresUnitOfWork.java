package dev.coachkit.adapters.persistence.shared;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.util.function.Supplier;
import java.sql.Connection;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.impl.DSL;

/**
 * A unit of work is one PostgreSQL transaction (all of it or, when the connection is lost before the
 * commit, none of it — reported as the database being unavailable) that starts by setting {@code app.tenant_id}
 * transaction-locally, so row-level security scopes every statement to that tenant and a pooled
 * connection never carries the tenant into the next transaction. The only place that sets it.
 */
public final class PostgresUnitOfWork implements UnitOfWork {

    private final DSLContext dsl;
    private final TenantTransactions transactions;

    public PostgresUnitOfWork(DSLContext dsl, TenantTransactions transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        TenantTransactions.Bound running = transactions.current();
        if (running != null) {
            transactions.require(tenant);
            return work.get();
        }
        return transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.select(field("set_config({0}, {1}, {2})", String.class,
                    inline("app.tenant_id"), val(tenant.value().toString()), inline(true))).fetch();
            return runBound(new TenantTransactions.Bound(tenant, transaction), work);
        });
    }

    /** Without the setting, row-level security hides every tenant row: only global tables are usable. */
    @Override
    public <T> T withoutTenant(Supplier<T> work) {
        if (transactions.current() != null) {
            return work.get();
        }
        return transaction(configuration -> runBound(new TenantTransactions.Bound(null, configuration.dsl()), work));
    }

    /**
     * Takes the pooled connection once, before the transaction: left to jOOQ, a begin that found no
     * connection asks the pool again to roll back, and a request waits the pool's timeout twice on a
     * database that is down.
     */
    private <T> T transaction(TransactionalCallable<T> body) {
        ConnectionProvider pool = dsl.configuration().connectionProvider();
        Connection connection;
        try {
            connection = pool.acquire();
        } catch (RuntimeException failure) {
            throw ConnectionFailures.translate(failure);
        }
        try {
            return DSL.using(dsl.configuration().derive(connection)).transactionResult(body);
        } catch (RuntimeException failure) {
            throw ConnectionFailures.translate(failure);
        } finally {
            pool.release(connection);
        }
    }

    private <T> T runBound(TenantTransactions.Bound bound, Supplier<T> work) {
        transactions.bind(bound);
        try {
            return work.get();
        } finally {
            transactions.unbind();
        }
    }
}
