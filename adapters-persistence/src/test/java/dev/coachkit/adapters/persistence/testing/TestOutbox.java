package dev.coachkit.adapters.persistence.testing;

import static dev.coachkit.adapters.persistence.jooq.Tables.OUTBOX_EVENTS;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.coachkit.adapters.persistence.events.OutboxRows;
import dev.coachkit.adapters.persistence.events.PostgresEventOutbox;
import dev.coachkit.adapters.persistence.events.PostgresOutboxSignal;
import dev.coachkit.adapters.persistence.realtime.PostgresEventFeed;
import dev.coachkit.adapters.persistence.shared.PostgresUnitOfWork;
import dev.coachkit.adapters.persistence.shared.TenantTransactions;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.realtime.port.out.EventFeed;
import dev.coachkit.application.shared.port.out.EventOutbox;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.TenantId;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * A PostgreSQL unit of work and event outbox of their own over the shared {@link TestDatabase}, as
 * the runtime role and wired as {@code PostgresPersistence} wires them, with a reader of the events
 * recorded: the {@code EventOutbox} port only records, and a reader that joins a running unit of
 * work needs that unit's {@link TenantTransactions}, which {@code PostgresPersistence} keeps to itself.
 */
public final class TestOutbox {

    private static TestOutbox shared;

    private final TenantTransactions transactions = new TenantTransactions();
    private final PostgresUnitOfWork unitOfWork;
    private final PostgresEventOutbox eventOutbox;
    private final PostgresEventFeed eventFeed;

    private TestOutbox(HikariDataSource pool) {
        this.unitOfWork = new PostgresUnitOfWork(DSL.using(new DefaultConfiguration().set(pool)
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED))),
                transactions);
        this.eventOutbox = new PostgresEventOutbox(transactions);
        this.eventFeed = new PostgresEventFeed(transactions, new PostgresOutboxSignal(TestDatabase.shared().runtime()));
    }

    /** Connected once per test JVM. */
    public static synchronized TestOutbox shared() {
        if (shared == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("coachkit-test-outbox");
            config.setJdbcUrl(TestDatabase.shared().runtime().jdbcUrl());
            config.setMaximumPoolSize(4);
            HikariDataSource pool = new HikariDataSource(config);
            shared = new TestOutbox(pool);
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close));
        }
        return shared;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public EventOutbox eventOutbox() {
        return eventOutbox;
    }

    /** The real-time feed over the same transactions, listening on a connection of its own. */
    public EventFeed eventFeed() {
        return eventFeed;
    }

    /**
     * The events of {@code tenant} neither published nor dead, oldest first, as a unit of work of that
     * tenant sees them (row-level security alone scopes the query to the tenant): joins the running unit
     * of work of that tenant, uncommitted writes included, or runs in one of its own, which reads
     * what is committed, whichever adapters recorded it.
     */
    public List<EventEnvelope> recordedEvents(TenantId tenant) {
        return unitOfWork.inTenant(tenant, () -> transactions.require(tenant)
                .selectFrom(OUTBOX_EVENTS)
                .where(OUTBOX_EVENTS.PUBLISHED_AT.isNull())
                .and(OUTBOX_EVENTS.DEAD_AT.isNull())
                .orderBy(OUTBOX_EVENTS.OCCURRED_AT, OUTBOX_EVENTS.SEQUENCE_NUMBER)
                .fetch(OutboxRows::toDomain));
    }
}
