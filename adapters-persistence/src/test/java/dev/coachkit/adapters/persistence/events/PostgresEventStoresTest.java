package dev.coachkit.adapters.persistence.events;

import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.adapters.persistence.testing.TestOutbox;
import dev.coachkit.adapters.persistence.testing.TestPersistence;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventStoresContract;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.events.port.out.ProcessedEvents;
import dev.coachkit.application.identity.port.out.AccountRepository;
import dev.coachkit.application.identity.port.out.TenantRepository;
import dev.coachkit.application.notification.port.out.NotificationRepository;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The event stores contract against PostgreSQL: recording, consumers and notifications as the
 * runtime role, the relay and its signal as the worker role, on the shared test database.
 */
class PostgresEventStoresTest extends EventStoresContract {

    private static PostgresWorkerPersistence worker;

    private OutboxSignal signal;

    @BeforeAll
    static void connectWorker() {
        worker = PostgresWorkerPersistence.connect(TestDatabase.shared().worker(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void closeWorker() {
        worker.close();
    }

    @AfterEach
    void closeSignal() {
        if (signal != null) {
            signal.close();
        }
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return TestPersistence.shared().unitOfWork();
    }

    @Override
    protected EventOutbox outbox() {
        return TestPersistence.shared().eventOutbox();
    }

    /** Committed events, read in a unit of work of the reader's own: the contract reads outside any unit. */
    @Override
    protected List<EventEnvelope> recordedEvents(TenantId tenant) {
        return TestOutbox.shared().recordedEvents(tenant);
    }

    @Override
    protected OutboxRelayStore relayStore() {
        return worker.outboxRelayStore();
    }

    @Override
    protected synchronized OutboxSignal signal() {
        if (signal == null) {
            signal = worker.outboxSignal();
        }
        return signal;
    }

    @Override
    protected ProcessedEvents processedEvents() {
        return TestPersistence.shared().processedEvents();
    }

    @Override
    protected NotificationRepository notifications() {
        return TestPersistence.shared().notifications();
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
    protected boolean relaysRunConcurrently() {
        return true; // FOR UPDATE SKIP LOCKED
    }
}
