package dev.coachkit.adapters.persistence.shared;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Refuses a runtime role that could see past row-level security: a superuser, a role with
 * BYPASSRLS, or the owner (directly or through membership) of any table.
 */
public final class RuntimeRoleGuard {

    private RuntimeRoleGuard() {}

    /** Throws {@link IllegalStateException} naming every problem and how to fix it. */
    public static void verify(DSLContext runtime) {
        Record4<String, Boolean, Boolean, Integer> role = runtime.resultQuery("""
                select r.rolname, r.rolsuper, r.rolbypassrls,
                       (select count(*)::int from pg_catalog.pg_class c
                          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                         where n.nspname not in ('pg_catalog', 'information_schema')
                           and n.nspname not like 'pg\\_%'
                           and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                           and pg_catalog.pg_has_role(current_user, c.relowner, 'MEMBER'))
                  from pg_catalog.pg_roles r
                 where r.rolname = current_user""")
                .coerce(DSL.field("rolname", SQLDataType.VARCHAR), DSL.field("rolsuper", SQLDataType.BOOLEAN),
                        DSL.field("rolbypassrls", SQLDataType.BOOLEAN), DSL.field("owned", SQLDataType.INTEGER))
                .fetchSingle();
        List<String> problems = new ArrayList<>();
        if (role.value2()) {
            problems.add("it is a superuser");
        }
        if (role.value3()) {
            problems.add("it has BYPASSRLS");
        }
        if (role.value4() > 0) {
            problems.add("it owns " + role.value4() + " tables or sequences (directly or through role membership)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to serve: the runtime database role '" + role.value1()
                    + "' could bypass row-level security because " + String.join(", ", problems)
                    + ". Point COACHKIT_DATABASE_URL at the runtime role the migrations create (default '"
                    + DatabaseMigrations.DEFAULT_RUNTIME_ROLE + "'), which is not superuser, has NOBYPASSRLS and owns"
                    + " nothing; run migrations as the owner with COACHKIT_MIGRATION_DATABASE_URL.");
        }
    }
}
