package dev.coachkit.adapters.persistence.scheduling;

import dev.coachkit.adapters.persistence.shared.Timestamps;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Due reminders across tenants, read as the worker role, which may see only the session columns
 * this query names. One statement: every scheduled session starting within the largest offset,
 * paired with each offset whose moment has come, minus the reminders already sent.
 */
public final class PostgresDueReminders implements DueReminders {

    private static final String DUE = """
            select s.tenant_id, s.id, o.offset_seconds
              from sessions s
             cross join unnest({0}::bigint[]) as o(offset_seconds)
             where s.status = 'SCHEDULED'
               and s.starts_at > {1} and s.starts_at <= {2}
               and s.starts_at - o.offset_seconds * interval '1 second' <= {1}
               and s.created_at <= s.starts_at - o.offset_seconds * interval '1 second'
               and not exists (select 1 from session_reminders r
                                where r.tenant_id = s.tenant_id and r.session_id = s.id
                                  and r.offset_seconds = o.offset_seconds)
             order by s.starts_at, s.id, o.offset_seconds
             limit {3}
            """;

    private final DSLContext worker;

    public PostgresDueReminders(DSLContext worker) {
        this.worker = worker;
    }

    @Override
    public List<DueReminder> due(Instant now, List<Duration> offsets, int limit) {
        Long[] seconds = offsets.stream().map(Duration::getSeconds).toArray(Long[]::new);
        Duration longest = Collections.max(offsets);
        return worker.resultQuery(DUE, DSL.val(seconds), DSL.val(Timestamps.toColumn(now)),
                        DSL.val(Timestamps.toColumn(now.plus(longest))), DSL.val(limit))
                .fetch(row -> new DueReminder(TenantId.of(row.get(0, UUID.class)), row.get(1, UUID.class),
                        Duration.ofSeconds(row.get(2, Long.class))));
    }
}
