package dev.coachkit.application.testing;

import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.util.function.Supplier;

/** Counts the transactions use cases open: units of work begun while none runs on the thread. */
public final class CountingUnitOfWork implements UnitOfWork {

    private final UnitOfWork delegate;
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private int opened;

    public CountingUnitOfWork(UnitOfWork delegate) {
        this.delegate = delegate;
    }

    /** How many units of work {@code work} opens. */
    public int openedBy(Runnable work) {
        int before = opened;
        work.run();
        return opened - before;
    }

    @Override
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return counted(() -> delegate.inTenant(tenant, work));
    }

    @Override
    public <T> T withoutTenant(Supplier<T> work) {
        return counted(() -> delegate.withoutTenant(work));
    }

    private <T> T counted(Supplier<T> work) {
        if (depth.get() == 0) {
            opened++;
        }
        depth.set(depth.get() + 1);
        try {
            return work.get();
        } finally {
            depth.set(depth.get() - 1);
        }
    }
}
