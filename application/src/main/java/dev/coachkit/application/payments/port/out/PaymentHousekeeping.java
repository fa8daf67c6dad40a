package dev.coachkit.application.payments.port.out;

import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The scheduler's cross-tenant finders (the worker's adapter family): what expired and needs settling. */
public interface PaymentHousekeeping {

    /** Something in a tenant: a held session, or a credit lot. */
    record Due(TenantId tenant, UUID id) {}

    /** Sessions still PENDING_PAYMENT whose hold expired before {@code now}, oldest first. */
    List<Due> expiredHolds(Instant now, int limit);

    /** Credit lots with credits left that expired before {@code now}, oldest first. */
    List<Due> expiredLots(Instant now, int limit);
}
