package dev.coachkit.application.admin.port.out;

import dev.coachkit.domain.admin.TenantMetrics;
import java.time.Instant;

/** Counts an organization's data with aggregates, inside the running unit of work of that tenant. */
public interface TenantMetricsQuery {

    /** The unit's tenant's figures; {@code now} dates the age of the oldest pending event. */
    TenantMetrics measure(Instant now);
}
