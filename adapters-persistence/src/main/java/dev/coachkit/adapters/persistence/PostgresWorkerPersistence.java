package dev.coachkit.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.coachkit.adapters.persistence.events.PostgresMaintenance;
import dev.coachkit.adapters.persistence.events.PostgresOutboxRelayStore;
import dev.coachkit.adapters.persistence.events.PostgresOutboxSignal;
import dev.coachkit.adapters.persistence.payments.PostgresPaymentHousekeeping;
import dev.coachkit.adapters.persistence.scheduling.PostgresDueReminders;
import dev.coachkit.adapters.persistence.shared.PostgresUrl;
import dev.coachkit.adapters.persistence.shared.RuntimeRoleGuard;
import dev.coachkit.application.events.port.out.MaintenanceStore;
import dev.coachkit.application.events.port.out.OutboxRelayStore;
import dev.coachkit.application.events.port.out.OutboxSignal;
import dev.coachkit.application.CoachKitBuilder;
import dev.coachkit.application.payments.port.out.PaymentHousekeeping;
import dev.coachkit.application.scheduling.port.out.DueReminders;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The cross-tenant adapters, over a small pool of the worker role: the outbox relay's claims and
 * wake-up signal, and maintenance. The role is checked like the runtime role: it must not be able to
 * bypass row-level security; its reach comes only from its own narrow policies.
 */
public final class PostgresWorkerPersistence implements AutoCloseable {

    private final HikariDataSource pool;
    private final PostgresUrl url;
    private final DSLContext dsl;

    private PostgresWorkerPersistence(HikariDataSource pool, PostgresUrl url) {
        this.pool = pool;
        this.url = url;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES);
        RuntimeRoleGuard.verify(dsl);
    }

    public static PostgresWorkerPersistence connect(PostgresUrl worker, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("coachkit-worker");
        config.setJdbcUrl(worker.jdbcUrl());
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(5_000);
        config.setMetricRegistry(meters);
        // a constraint violation's "Detail: Key (email)=(...)" would carry row values into exception logs
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new PostgresWorkerPersistence(pool, worker);
        } catch (RuntimeException refused) {
            pool.close();
            throw refused;
        }
    }

    public OutboxRelayStore outboxRelayStore() {
        return new PostgresOutboxRelayStore(dsl);
    }

    /** A new listening connection; the caller closes it. */
    public OutboxSignal outboxSignal() {
        return new PostgresOutboxSignal(url);
    }

    public MaintenanceStore maintenance() {
        return new PostgresMaintenance(dsl);
    }

    /** The scheduler's cross-tenant finder of due session reminders. */
    public DueReminders dueReminders() {
        return new PostgresDueReminders(dsl);
    }

    /** The scheduler's cross-tenant finder of expired payment holds and expired credit lots. */
    public PaymentHousekeeping paymentHousekeeping() {
        return new PostgresPaymentHousekeeping(dsl);
    }

    /** Gives {@code builder} the payments context's cross-tenant finder of this family. */
    public CoachKitBuilder addPaymentHousekeepingTo(CoachKitBuilder builder) {
        return builder.adapter(PaymentHousekeeping.class, paymentHousekeeping());
    }

    @Override
    public void close() {
        pool.close();
    }
}
