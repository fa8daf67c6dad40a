package dev.coachkit.bootstrap;

import dev.coachkit.adapters.messaging.events.SqsClients;
import dev.coachkit.adapters.messaging.events.SqsEventConsumer;
import dev.coachkit.adapters.messaging.events.SqsEventPublisher;
import dev.coachkit.adapters.messaging.events.SqsQueues;
import dev.coachkit.adapters.messaging.events.SqsReadinessProbe;
import dev.coachkit.adapters.messaging.events.SqsSettings;
import dev.coachkit.adapters.messaging.mail.LoggingMailer;
import dev.coachkit.adapters.messaging.mail.SmtpMailer;
import dev.coachkit.adapters.messaging.mail.SmtpSettings;
import dev.coachkit.adapters.persistence.PostgresWorkerPersistence;
import dev.coachkit.application.CoachKitBuilder;
import dev.coachkit.application.events.OutboxReadinessProbe;
import dev.coachkit.application.events.RetryPolicy;
import dev.coachkit.application.events.RuntimeSettings;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The event backbone of a process, chosen by configuration: SQS between processes when a queue is
 * configured, in-process dispatch otherwise; SMTP or the log for e-mail; the worker role's
 * connections for the relay and maintenance.
 */
final class EventBackbone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBackbone.class);

    /** The relay is reported not ready when the oldest unpublished event waits longer than this. */
    private static final Duration MAX_RELAY_LAG = Duration.ofMinutes(5);

    private final Configuration.Events settings;
    private final Set<Worker> workers;
    private final Optional<PostgresWorkerPersistence> worker;
    private final Optional<SqsClient> sqs;
    private final Optional<String> queueUrl;
    private final Optional<SqsReadinessProbe> queue;
    private final MeterRegistry meters;

    private EventBackbone(Configuration.Events settings, Set<Worker> workers, Optional<PostgresWorkerPersistence> worker,
            Optional<SqsClient> sqs, Optional<String> queueUrl, MeterRegistry meters) {
        this.settings = settings;
        this.workers = workers;
        this.worker = worker;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queue = sqs.map(client -> new SqsReadinessProbe(client, queueUrl.orElseThrow(), client.getQueueUrl(
                request -> request.queueName(SqsQueues.deadLetterQueueName(settings.sqsQueue().orElseThrow())))
                .queueUrl()));
        this.meters = meters;
        // the gauges read what the readiness probes read, where this process has them
        worker.filter(connected -> workers.contains(Worker.OUTBOX_RELAY)).ifPresent(connected ->
                BackboneMetrics.bindOutbox(connected.outboxRelayStore(), Clock.system(), meters));
        queue.ifPresent(probe -> BackboneMetrics.bindQueue(probe, meters));
    }

    /**
     * Connects what {@code workers} need: the worker role's pool only where the relay or the scheduler
     * runs (API-only nodes never hold its credentials), the configured queue only where the relay
     * publishes to it or a consumer reads it, so an SQS outage cannot stop or unready an API-only node.
     */
    static EventBackbone connect(Configuration configuration, Database database, Set<Worker> workers,
            MeterRegistry meters) {
        Configuration.Events settings = configuration.events();
        Optional<PostgresWorkerPersistence> worker =
                workers.contains(Worker.OUTBOX_RELAY) || workers.contains(Worker.SCHEDULER)
                        ? Optional.of(PostgresWorkerPersistence.connect(database.worker(), meters)) : Optional.empty();
        boolean usesQueue = workers.contains(Worker.OUTBOX_RELAY) || workers.contains(Worker.NOTIFICATIONS);
        if (settings.sqsQueue().isEmpty() || !usesQueue) {
            return new EventBackbone(settings, workers, worker, Optional.empty(), Optional.empty(), meters);
        }
        try {
            SqsClient client = SqsClients.create(settings.sqsEndpoint().map(URI::create), settings.sqsRegion());
            String url = SqsQueues.ensure(client, settings.sqsQueue().get(), settings.sqsMaxReceives());
            return new EventBackbone(settings, workers, worker, Optional.of(client), Optional.of(url), meters);
        } catch (RuntimeException unreachable) {
            worker.ifPresent(PostgresWorkerPersistence::close);
            throw unreachable;
        }
    }

    /** SMTP when configured; else the log, which names recipients only on a developer's single node. */
    Mailer mailer(boolean singleNode) {
        return settings.smtpHost()
                .<Mailer>map(host -> new SmtpMailer(new SmtpSettings(host, settings.smtpPort(), settings.smtpUsername(),
                        settings.smtpPassword(), settings.smtpFrom(), settings.smtpStartTls(), Duration.ofSeconds(10))))
                .orElseGet(() -> singleNode ? LoggingMailer.namingRecipients()
                        : LoggingMailer.fingerprintingRecipients());
    }

    /** The relay's lag, where this process runs the relay. */
    Optional<ReadinessProbe> relayProbe(Clock clock) {
        return worker.filter(connected -> workers.contains(Worker.OUTBOX_RELAY))
                .map(connected -> new OutboxReadinessProbe(connected.outboxRelayStore(), clock, MAX_RELAY_LAG));
    }

    /** The queue's depth and dead letters, when events travel through SQS. */
    Optional<ReadinessProbe> queueProbe() {
        return queue.map(ReadinessProbe.class::cast);
    }

    /**
     * Gives the core's event runtime what this process runs: the relay (counting what it settles) where
     * {@code outbox-relay} runs, publishing to the queue when one is configured and in-process otherwise;
     * the scheduler where {@code scheduler} runs; the queue consumer where {@code notifications} runs.
     */
    CoachKitBuilder configure(CoachKitBuilder builder) {
        builder.runtimeSettings(RuntimeSettings.defaults()
                .withRelay(Duration.ofMillis(settings.outboxPollMillis()),
                        RetryPolicy.defaults().withMaxAttempts(settings.outboxMaxAttempts()))
                .withScheduler(Duration.ofSeconds(settings.schedulerIntervalSeconds()),
                        Duration.ofSeconds(settings.reminderIntervalSeconds()), settings.reminderOffsets())
                .withMonitor(new RuntimeLogging()));
        sqs.ifPresent(client -> builder.eventPublisher(new SqsEventPublisher(client, queueUrl.orElseThrow())));
        if (workers.contains(Worker.OUTBOX_RELAY)) {
            PostgresWorkerPersistence relayStore = worker.orElseThrow();
            builder.relay(new CountingRelayStore(relayStore.outboxRelayStore(), meters), relayStore.outboxSignal());
        }
        if (workers.contains(Worker.SCHEDULER)) {
            builder.scheduler(worker.orElseThrow().maintenance(), worker.orElseThrow().dueReminders());
            worker.orElseThrow().addPaymentHousekeepingTo(builder);
        }
        if (workers.contains(Worker.NOTIFICATIONS) && sqs.isPresent()) {
            builder.eventSubscription(new SqsEventConsumer(sqs.get(), SqsSettings.of(queueUrl.orElseThrow())));
        } else if (workers.contains(Worker.NOTIFICATIONS) && !workers.contains(Worker.OUTBOX_RELAY)) {
            LOG.info("notifications: no queue configured, so the outbox relay dispatches events in-process;"
                    + " this worker has nothing to consume");
        }
        return builder;
    }

    @Override
    public void close() {
        sqs.ifPresent(SqsClient::close);
        worker.ifPresent(PostgresWorkerPersistence::close);
    }
}
