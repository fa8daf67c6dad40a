package dev.coachkit.adapters.persistence.realtime;

import dev.coachkit.adapters.persistence.testing.TestOutbox;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.realtime.port.out.EventFeedContract;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;

/** The feed contract against PostgreSQL: transactions that really commit out of order, fenced by the snapshot. */
class PostgresEventFeedTest extends EventFeedContract {

    @Override
    protected UnitOfWork unitOfWork() {
        return TestOutbox.shared().unitOfWork();
    }

    @Override
    protected EventOutbox outbox() {
        return TestOutbox.shared().eventOutbox();
    }

    @Override
    protected EventFeed feed() {
        return TestOutbox.shared().eventFeed();
    }
}
