package dev.coachkit.adapters.persistence.shared;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import org.jooq.DSLContext;

/** Ready when a pooled connection answers a trivial query. */
public final class DatabaseReadinessProbe implements ReadinessProbe {

    private final DSLContext dsl;

    public DatabaseReadinessProbe(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public String check() {
        dsl.selectOne().fetch();
        return "ok";
    }
}
