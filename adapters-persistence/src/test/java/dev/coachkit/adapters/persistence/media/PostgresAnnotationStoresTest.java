package dev.coachkit.adapters.persistence.media;

import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.AnnotationRepositoryContract;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The annotation repository contract on PostgreSQL as the runtime role, under row-level security. */
class PostgresAnnotationStoresTest extends AnnotationRepositoryContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected MediaRepository media() {
        return TestPersistence.shared().media();
    }

    @Override
    protected AnnotationRepository annotations() {
        return TestPersistence.shared().annotations();
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
