package dev.coachkit.adapters.persistence.notification;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.notification.port.out.RecipientTimeZones;
import dev.coachkit.application.notification.port.out.RecipientTimeZonesContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

class PostgresRecipientTimeZonesTest extends RecipientTimeZonesContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected AccountRepository accounts() {
        return TestPersistence.shared().accounts();
    }

    @Override
    protected RecipientTimeZones timeZones() {
        return TestPersistence.shared().recipientTimeZones();
    }
}
