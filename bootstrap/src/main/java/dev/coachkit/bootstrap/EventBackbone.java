package dev.coachkit.bootstrap;

import dev.coachkit.adapters.messaging.events.InProcessEventPublisher;
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
import dev.coachkit.application.CoachKit;
import dev.coachkit.application.events.OutboxReadinessProbe;
import dev.coachkit.application.events.RetryPolicy;
import dev.coachkit.application.events.port.out.EventPublisher;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The event backbone of a process, chosen by configuration: SQS between processes when a queue is
 * configured, in-process dispatch otherwise; SMTP or the log for e-mail; the worker role's
 * connections for the relay and maintenance.
 */
final class EventBackbone implements AutoCloseable {

    /** The relay is reported not ready when the oldest unpublished event waits longer than this. */
    private static final Duration MAX_RELAY_LAG = Duration.ofMinutes(5);

    private final Configuration.Events settings;
    private final PostgresWorkerPersistence worker;
    private final Optional<SqsClient> sqs;
    private final Optional<String> queueUrl;

    private EventBackbone(Configuration.Events settings, PostgresWorkerPersistence worker, Optional<SqsClient> sqs,
            Optional<String> queueUrl) {
        this.settings = settings;
        this.worker = worker;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    static EventBackbone connect(Configuration configuration, Database database, MeterRegistry meters) {
        Configuration.Events settings = configuration.events();
        PostgresWorkerPersistence worker = PostgresWorkerPersistence.connect(database.worker(), meters);
        if (settings.sqsQueue().isEmpty()) {
            return new EventBackbone(settings, worker, Optional.empty(), Optional.empty());
        }
        try {
            SqsClient client = SqsClients.create(settings.sqsEndpoint().map(URI::create), settings.sqsRegion());
            String url = SqsQueues.ensure(client, settings.sqsQueue().get(), settings.sqsMaxReceives());
            return new EventBackbone(settings, worker, Optional.of(client), Optional.of(url));
        } catch (RuntimeException unreachable) {
            worker.close();
            throw unreachable;
        }
    }

    Mailer mailer() {
        return settings.smtpHost()
                .<Mailer>map(host -> new SmtpMailer(new SmtpSettings(host, settings.smtpPort(), settings.smtpUsername(),
                        settings.smtpPassword(), settings.smtpFrom(), settings.smtpStartTls(), Duration.ofSeconds(10))))
                .orElseGet(LoggingMailer::new);
    }

    ReadinessProbe relayProbe(Clock clock) {
        return new OutboxReadinessProbe(worker.outboxRelayStore(), clock, MAX_RELAY_LAG);
    }

    /** The queue's depth and dead letters, when events travel through SQS. */
    Optional<ReadinessProbe> queueProbe() {
        return sqs.map(client -> new SqsReadinessProbe(client, queueUrl.orElseThrow(), client.getQueueUrl(
                request -> request.queueName(SqsQueues.deadLetterQueueName(settings.sqsQueue().orElseThrow())))
                .queueUrl()));
    }

    /** Starts the chosen workers on threads of their own; the core must be built already. */
    BackgroundWorkers startWorkers(Set<Worker> workers, CoachKit core) {
        BackgroundWorkers running = new BackgroundWorkers();
        EventPublisher publisher = sqs.<EventPublisher>map(client -> new SqsEventPublisher(client, queueUrl.orElseThrow()))
                .orElseGet(() -> new InProcessEventPublisher(core.handleEvent()));
        if (workers.contains(Worker.OUTBOX_RELAY)) {
            running.startRelay(worker.outboxRelayStore(), worker.outboxSignal(), publisher,
                    RetryPolicy.defaults().withMaxAttempts(settings.outboxMaxAttempts()), core.clock(),
                    Duration.ofMillis(settings.outboxPollMillis()));
        }
        if (workers.contains(Worker.SCHEDULER)) {
            running.startScheduler(worker.maintenance(), core.clock(),
                    Duration.ofSeconds(settings.schedulerIntervalSeconds()));
        }
        if (workers.contains(Worker.NOTIFICATIONS) && sqs.isPresent()) {
            SqsEventConsumer consumer = new SqsEventConsumer(sqs.get(),
                    SqsSettings.of(queueUrl.orElseThrow()), core.handleEvent());
            running.start("notifications", consumer, consumer::close);
        }
        return running;
    }

    @Override
    public void close() {
        sqs.ifPresent(SqsClient::close);
        worker.close();
    }
}
