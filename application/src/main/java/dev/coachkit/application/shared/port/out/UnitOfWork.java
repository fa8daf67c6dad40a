package dev.coachkit.application.shared.port.out;

import dev.coachkit.domain.shared.TenantId;
import java.util.function.Supplier;

/**
 * One transaction bound to one tenant: everything a use case reads and writes through the
 * repositories and the {@link EventOutbox} inside {@code work} commits together when it returns,
 * or not at all when it throws (the exception reaches the caller unchanged). Tenant data outside
 * the bound tenant is invisible inside it.
 *
 * <p>A nested call for the same tenant joins the running unit; a nested call for another tenant is
 * a programming error and fails.
 */
public interface UnitOfWork {

    <T> T inTenant(TenantId tenant, Supplier<T> work);

    /**
     * One transaction bound to no tenant, for global data (accounts, refresh tokens) before a tenant
     * is known: tenant data is invisible and cannot be written in it. Called inside a running unit of
     * work (of any tenant) it joins that unit.
     */
    <T> T withoutTenant(Supplier<T> work);

    default void runInTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }
}
