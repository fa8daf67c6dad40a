package dev.coachkit.application.scheduling.port.out;

import dev.coachkit.domain.scheduling.WeeklyAvailability;
import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;

/** Coaches' weekly availability, one set per coach and tenant. */
public interface AvailabilityRepository {

    /** Stores the availability in place of the coach's previous one. */
    void replace(WeeklyAvailability availability);

    Optional<WeeklyAvailability> find(TenantId tenant, AccountId coach);
}
