package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.domain.shared.TenantId;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The tenant-bound transaction running on this thread, shared by the unit of work that opens it
 * and the repositories that work inside it.
 */
public final class TenantTransactions {

    /** A transaction whose {@code app.tenant_id} is set to {@code tenant}; null for a tenant-less one. */
    public record Bound(TenantId tenant, DSLContext dsl) {}

    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    /** The running transaction, with or without a tenant; fails outside a unit of work. */
    public Bound require() {
        Bound bound = current.get();
        if (bound == null) {
            throw new IllegalStateException("tenant data is only reachable inside UnitOfWork.inTenant(...)");
        }
        return bound;
    }

    /** The running transaction, which must be bound to a tenant: the only tenant whose rows it reaches. */
    public Bound requireTenant() {
        Bound bound = require();
        if (bound.tenant() == null) {
            throw new IllegalStateException("tenant data is only reachable inside UnitOfWork.inTenant(...)");
        }
        return bound;
    }

    /** The running transaction, which must belong to {@code tenant}. */
    public DSLContext require(TenantId tenant) {
        Bound bound = require();
        if (!tenant.equals(bound.tenant())) {
            throw new IllegalStateException(
                    "a unit of work for tenant " + bound.tenant() + " cannot touch data of tenant " + tenant);
        }
        return bound.dsl();
    }

    /**
     * Runs {@code read} in the running transaction if there is one, else as autocommit statements on
     * {@code pooled}. Outside a unit of work a database that does not answer is reported as
     * {@code DependencyUnavailableException}, as a unit of work reports it: these reads authenticate every
     * request, so an outage must answer 503, not 500.
     */
    public <T> T currentOr(DSLContext pooled, Function<DSLContext, T> read) {
        Bound bound = current.get();
        if (bound != null) {
            return read.apply(bound.dsl());
        }
        try {
            return read.apply(pooled);
        } catch (RuntimeException failure) {
            throw ConnectionFailures.translate(failure);
        }
    }

    Bound current() {
        return current.get();
    }

    void bind(Bound bound) {
        current.set(bound);
    }

    void unbind() {
        current.remove();
    }
}
