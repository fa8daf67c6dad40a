package dev.coachkit.adapters.persistence.admin;

import dev.coachkit.adapters.persistence.PostgresPersistence;
import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.admin.port.out.DataExportRepository;
import dev.coachkit.application.admin.port.out.ExportStoresContract;
import dev.coachkit.application.admin.port.out.TenantDataSource;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The export stores contract on PostgreSQL as the runtime role, under row-level security. */
class PostgresExportStoresTest extends ExportStoresContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected DataExportRepository exports() {
        return TestPersistence.shared().dataExports();
    }

    @Override
    protected TenantDataSource tenantData() {
        return TestPersistence.shared().tenantData();
    }

    @Override
    protected Seeding seeding() {
        PostgresPersistence db = TestPersistence.shared();
        return new Seeding(db.accounts(), db.tenants(), db.memberships(), db.spaces(), db.spaceMembers(), db.posts(),
                db.comments(), db.sessions(), db.availabilities(), db.notifications(), db.media(), db.refreshTokens(),
                db.products(), db.orders(), db.creditLedger(), db.annotations());
    }
}
