package dev.coachkit.application.audit;

import dev.coachkit.application.audit.port.out.AuditLog;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.domain.audit.AuditEntry;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Map;
import java.util.Optional;

/** Builds audit entries with an id and the current time, so use cases only say what happened. */
public final class AuditTrail {

    private final AuditLog log;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditTrail(AuditLog log, IdGenerator ids, Clock clock) {
        this.log = log;
        this.ids = ids;
        this.clock = clock;
    }

    /** Records {@code action} by {@code actor} (empty for anonymous callers) on a target, from {@code clientIp}. */
    public void record(TenantId tenant, String action, Optional<AccountId> actor, String targetType, Object targetId,
            Optional<String> clientIp, Map<String, Object> details) {
        log.record(new AuditEntry(ids.newId(), tenant, action, actor, targetType, String.valueOf(targetId), clientIp,
                clock.now(), details));
    }
}
