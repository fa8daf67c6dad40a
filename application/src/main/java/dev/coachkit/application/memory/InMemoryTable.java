package dev.coachkit.application.memory;

import dev.coachkit.domain.shared.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A table for in-memory adapters, read and written through the running {@link InMemoryUnitOfWork}.
 * A tenant table shows each unit only its tenant's rows and refuses writes without a tenant — what
 * row-level security gives the PostgreSQL adapters; a global table is shared by all units. Store
 * immutable values (records or copies) so callers never share live state.
 */
public final class InMemoryTable<K, V> {

    /** The one partition of a global table (HashMap accepts a null key). */
    private static final TenantId GLOBAL = null;

    private final InMemoryUnitOfWork unitOfWork;
    private final Function<V, TenantId> tenantOf;
    private final Map<TenantId, Map<K, V>> committed = new HashMap<>();

    private InMemoryTable(InMemoryUnitOfWork unitOfWork, Function<V, TenantId> tenantOf) {
        this.unitOfWork = unitOfWork;
        this.tenantOf = tenantOf;
    }

    /** Rows partitioned by the tenant {@code tenantOf} reads from each row. */
    public static <K, V> InMemoryTable<K, V> perTenant(InMemoryUnitOfWork unitOfWork, Function<V, TenantId> tenantOf) {
        return new InMemoryTable<>(unitOfWork, Objects.requireNonNull(tenantOf, "tenantOf"));
    }

    /** Rows holding no tenant data, visible to every unit of work. */
    public static <K, V> InMemoryTable<K, V> global(InMemoryUnitOfWork unitOfWork) {
        return new InMemoryTable<>(unitOfWork, null);
    }

    /**
     * Inserts or replaces the row; visible to this unit of work now, to others after commit. A tenant
     * row must belong to the unit's tenant, as row-level security's WITH CHECK demands.
     */
    public void put(K key, V value) {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        if (!isGlobal() && !tenantOf.apply(value).equals(transaction.tenant())) {
            throw new IllegalStateException("a row of tenant " + tenantOf.apply(value)
                    + " cannot be written in a unit of work of tenant " + transaction.tenant());
        }
        transaction.writesTo(this).put(key, value);
    }

    /** Deletes the row; gone for this unit of work now, for others after commit. False when it was not there. */
    public boolean remove(K key) {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        if (!isGlobal() && transaction.tenant() == null) {
            throw new IllegalStateException("a tenant row cannot be deleted in a unit of work without a tenant");
        }
        boolean present = get(key).isPresent();
        transaction.writesTo(this).put(key, null); // a staged null is a deletion
        return present;
    }

    InMemoryUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    private boolean isGlobal() {
        return tenantOf == null;
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(view().get(key));
    }

    /** Rows visible to the unit matching the filter, in insertion order. */
    public List<V> select(Predicate<V> filter) {
        return view().values().stream().filter(filter).toList();
    }

    /**
     * Committed rows of every tenant matching the filter, outside any unit of work: the in-memory
     * counterpart of the few narrowly scoped cross-tenant reads (security-definer functions).
     */
    public List<V> selectAcrossTenants(Predicate<V> filter) {
        List<V> rows = new ArrayList<>();
        synchronized (unitOfWork.commitLock()) {
            committed.values().forEach(partition -> partition.values().stream().filter(filter).forEach(rows::add));
        }
        return rows;
    }

    /**
     * Deletes committed rows of every tenant matching the filter, outside any unit of work: the
     * in-memory counterpart of the worker role's maintenance deletes. Returns how many went.
     */
    public int deleteAcrossTenants(Predicate<V> filter) {
        synchronized (unitOfWork.commitLock()) {
            int before = committed.values().stream().mapToInt(Map::size).sum();
            committed.values().forEach(partition -> partition.values().removeIf(filter));
            return before - committed.values().stream().mapToInt(Map::size).sum();
        }
    }

    private Map<K, V> view() {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        if (!isGlobal() && transaction.tenant() == null) {
            return Map.of(); // no tenant, no tenant rows: fail closed like row-level security
        }
        Map<K, V> rows;
        synchronized (unitOfWork.commitLock()) {
            rows = new LinkedHashMap<>(committed.getOrDefault(isGlobal() ? GLOBAL : transaction.tenant(), Map.of()));
        }
        rows.putAll(transaction.writesTo(this));
        rows.values().removeIf(Objects::isNull);
        return rows;
    }

    /** Called by the unit of work, under its commit lock. */
    void apply(TenantId tenant, Map<K, V> rows) {
        Map<K, V> partition = committed.computeIfAbsent(isGlobal() ? GLOBAL : tenant, t -> new LinkedHashMap<>());
        rows.forEach((key, value) -> {
            if (value == null) {
                partition.remove(key);
            } else {
                partition.put(key, value);
            }
        });
    }
}
