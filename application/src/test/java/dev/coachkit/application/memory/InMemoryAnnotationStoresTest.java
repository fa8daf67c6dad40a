package dev.coachkit.application.memory;

import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.media.port.out.AnnotationRepository;
import dev.coachkit.application.media.port.out.AnnotationRepositoryContract;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The annotation repository contract on the in-memory adapters. */
class InMemoryAnnotationStoresTest extends AnnotationRepositoryContract {

    private static final InMemoryUnitOfWork UNIT_OF_WORK = new InMemoryUnitOfWork();
    private static final InMemoryAccounts ACCOUNTS = new InMemoryAccounts(UNIT_OF_WORK);
    private static final InMemoryTenants TENANTS = new InMemoryTenants(UNIT_OF_WORK);
    private static final InMemoryMedia MEDIA = new InMemoryMedia(UNIT_OF_WORK);
    private static final InMemoryAnnotations ANNOTATIONS = new InMemoryAnnotations(UNIT_OF_WORK, MEDIA);

    @Override
    protected UnitOfWork unitOfWork() {
        return UNIT_OF_WORK;
    }

    @Override
    protected MediaRepository media() {
        return MEDIA;
    }

    @Override
    protected AnnotationRepository annotations() {
        return ANNOTATIONS;
    }

    @Override
    protected TenantRepository tenants() {
        return TENANTS;
    }

    @Override
    protected AccountRepository accounts() {
        return ACCOUNTS;
    }
}
