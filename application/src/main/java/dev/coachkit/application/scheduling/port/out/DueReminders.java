package dev.coachkit.application.scheduling.port.out;

import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Finds, across tenants, the reminders whose time has come and that were not sent yet: scheduled
 * sessions that have not started, whose start minus the offset has passed, and that were booked
 * before that moment (a session booked 2 hours ahead gets no 24-hour reminder). Answers ids only;
 * the sending happens in the session's tenant.
 */
public interface DueReminders {

    /** One reminder to send. */
    record DueReminder(TenantId tenantId, UUID sessionId, Duration offset) {
        public DueReminder {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(offset, "offset");
        }
    }

    List<DueReminder> due(Instant now, List<Duration> offsets, int limit);
}
