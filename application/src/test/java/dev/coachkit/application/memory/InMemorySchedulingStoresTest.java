package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SchedulingStoresContract;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The scheduling stores contract against the in-memory adapters. */
class InMemorySchedulingStoresTest extends SchedulingStoresContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    private final InMemoryTenants tenants = new InMemoryTenants(unitOfWork);
    private final InMemoryAvailabilities availabilities = new InMemoryAvailabilities(unitOfWork);
    private final InMemorySessions sessions = new InMemorySessions(unitOfWork);
    private final InMemoryCalendarTokens calendarTokens = new InMemoryCalendarTokens(unitOfWork);

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected AccountRepository accounts() {
        return accounts;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }

    @Override
    protected AvailabilityRepository availabilities() {
        return availabilities;
    }

    @Override
    protected SessionRepository sessions() {
        return sessions;
    }

    @Override
    protected CalendarTokenRepository calendarTokens() {
        return calendarTokens;
    }

    @Override
    protected DueReminders dueReminders() {
        return sessions;
    }
}
