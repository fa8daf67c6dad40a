package dev.coachkit.application.memory;

import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Units of work over {@link InMemoryTable}s: writes are staged per thread and applied together on
 * commit under one lock, or dropped on exception — the semantics of the PostgreSQL adapter, without
 * a database.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final Object commitLock = new Object();

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        Transaction running = current.get();
        if (running != null) {
            running.requireTenant(tenant);
            return work.get();
        }
        return run(new Transaction(tenant), work);
    }

    @Override
    public <T> T withoutTenant(Supplier<T> work) {
        return current.get() != null ? work.get() : run(new Transaction(null), work);
    }

    private <T> T run(Transaction transaction, Supplier<T> work) {
        current.set(transaction);
        try {
            T result = work.get();
            synchronized (commitLock) {
                transaction.commit();
            }
            transaction.afterCommit.forEach(Runnable::run);
            return result;
        } catch (RuntimeException | Error failure) {
            transaction.afterRollback.forEach(Runnable::run);
            throw failure;
        } finally {
            current.remove();
        }
    }

    /** The running transaction of this thread; fails when a tenant table is used outside a unit of work. */
    Transaction current() {
        Transaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("tenant data is only reachable inside UnitOfWork.inTenant(...)");
        }
        return transaction;
    }

    Object commitLock() {
        return commitLock;
    }

    /** The writes one unit of work staged, per table; dropped unapplied when the work throws. No tenant: null. */
    static final class Transaction {
        private final TenantId tenant;
        private final Map<InMemoryTable<?, ?>, Map<Object, Object>> writes = new IdentityHashMap<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> afterRollback = new ArrayList<>();
        private boolean committed;

        private Transaction(TenantId tenant) {
            this.tenant = tenant;
        }

        TenantId tenant() {
            return tenant;
        }

        /** Runs {@code action} once the unit has committed; never when it rolls back. */
        void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        /** Runs {@code action} when the unit rolls back; never when it commits. */
        void afterRollback(Runnable action) {
            afterRollback.add(action);
        }

        @SuppressWarnings("unchecked")
        <K, V> Map<K, V> writesTo(InMemoryTable<K, V> table) {
            return (Map<K, V>) (Map<?, ?>) writes.computeIfAbsent(table, t -> new LinkedHashMap<>());
        }

        private void requireTenant(TenantId requested) {
            if (!requested.equals(tenant)) {
                throw new IllegalStateException(
                        "a unit of work for tenant " + tenant + " cannot run work for tenant " + requested);
            }
        }

        /** Whether its writes are applied; read under the commit lock to see it together with them. */
        boolean committed() {
            return committed;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void commit() {
            writes.forEach((table, rows) -> ((InMemoryTable) table).apply(tenant, rows));
            committed = true;
        }
    }
}
