package dev.coachkit.adapters.persistence.media;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.MediaRepositoryContract;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The media repository contract on PostgreSQL as the runtime role, under row-level security. */
class PostgresMediaStoresTest extends MediaRepositoryContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected MediaRepository media() {
        return TestPersistence.shared().media();
    }

    @Override
    protected TenantRepository tenants() {
        return TestPersistence.shared().tenants();
    }

    @Override
    protected AccountRepository accounts() {
        return TestPersistence.shared().accounts();
    }
}
