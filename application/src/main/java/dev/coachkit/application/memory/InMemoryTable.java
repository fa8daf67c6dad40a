package dev.coachkit.application.memory;

import dev.coachkit.domain.shared.TenantId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A tenant-partitioned table for in-memory adapters. Every access goes through the running
 * {@link InMemoryUnitOfWork} and sees only that unit's tenant — what row-level security gives the
 * PostgreSQL adapters. Store immutable values (records or copies) so callers never share live state.
 */
public final class InMemoryTable<K, V> {

    private final InMemoryUnitOfWork unitOfWork;
    private final Map<TenantId, Map<K, V>> committed = new HashMap<>();

    public InMemoryTable(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** Inserts or replaces the row; visible to this unit of work now, to others after commit. */
    public void put(K key, V value) {
        unitOfWork.current().writesTo(this).put(key, value);
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(view().get(key));
    }

    /** Rows of the unit's tenant matching the filter, in insertion order. */
    public List<V> select(Predicate<V> filter) {
        return view().values().stream().filter(filter).toList();
    }

    private Map<K, V> view() {
        InMemoryUnitOfWork.Transaction transaction = unitOfWork.current();
        Map<K, V> rows;
        synchronized (unitOfWork.commitLock()) {
            rows = new LinkedHashMap<>(committed.getOrDefault(transaction.tenant(), Map.of()));
        }
        rows.putAll(transaction.writesTo(this));
        return rows;
    }

    /** Called by the unit of work, under its commit lock. */
    void apply(TenantId tenant, Map<K, V> rows) {
        committed.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).putAll(rows);
    }
}
