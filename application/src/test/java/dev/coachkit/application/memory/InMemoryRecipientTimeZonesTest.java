package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.notification.port.out.RecipientTimeZonesContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The recipient time zones contract against the in-memory adapter reading the in-memory accounts. */
class InMemoryRecipientTimeZonesTest extends RecipientTimeZonesContract {

    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts(unitOfWork);
    private final InMemoryRecipientTimeZones timeZones = new InMemoryRecipientTimeZones(accounts);

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected AccountRepository accounts() {
        return accounts;
    }

    @Override
    protected RecipientTimeZones timeZones() {
        return timeZones;
    }
}
