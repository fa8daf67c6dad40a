package dev.coachkit.adapters.persistence.scheduling;

import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.scheduling.port.out.AvailabilityRepository;
import dev.coachkit.application.scheduling.port.out.CalendarTokenRepository;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import dev.coachkit.application.scheduling.port.out.SchedulingStoresContract;
import dev.coachkit.application.scheduling.port.out.SessionRepository;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scheduling stores contract against PostgreSQL: the stores as the runtime role (the exclusion
 * constraint refuses overlaps), due reminders as the worker role.
 */
class PostgresSchedulingStoresTest extends SchedulingStoresContract {

    private static PostgresWorkerPersistence worker;

    @BeforeAll
    static void connectWorker() {
        worker = PostgresWorkerPersistence.connect(TestDatabase.shared().worker(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void closeWorker() {
        worker.close();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected AccountRepository accounts() {
        return TestPersistence.shared().accounts();
    }

    @Override
    protected TenantRepository tenants() {
        return TestPersistence.shared().tenants();
    }

    @Override
    protected AvailabilityRepository availabilities() {
        return TestPersistence.shared().availabilities();
    }

    @Override
    protected SessionRepository sessions() {
        return TestPersistence.shared().sessions();
    }

    @Override
    protected CalendarTokenRepository calendarTokens() {
        return TestPersistence.shared().calendarTokens();
    }

    @Override
    protected DueReminders dueReminders() {
        return worker.dueReminders();
    }
}
