package dev.coachkit.adapters.messaging.events;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The publisher contract on a real SQS-compatible server, received through the consumer loop. */
class SqsEventPublisherTest extends EventPublisherContract {

    private final RecordingHandler handler = new RecordingHandler();
    private SqsClient sqs;
    private EventPublisher publisher;
    private SqsEventConsumer consumer;
    private Thread loop;

    /** Standard queue here; the FIFO subclass says otherwise. */
    boolean fifo() {
        return false;
    }

    @BeforeEach
    void start_consumer_on_a_new_queue() {
        sqs = SqsTestServer.shared().client();
        String url = SqsQueues.ensure(sqs, SqsTestServer.uniqueQueueName("contract", fifo()), 5);
        publisher = new SqsEventPublisher(sqs, url);
        consumer = new SqsEventConsumer(sqs, new SqsSettings(url, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                handler);
        loop = new Thread(consumer, "sqs-consumer-test");
        loop.start();
    }

    @AfterEach
    void stop_consumer() throws InterruptedException {
        consumer.close();
        loop.join(Duration.ofSeconds(10).toMillis());
        sqs.close();
    }

    @Override
    protected EventPublisher publisher() {
        return publisher;
    }

    @Override
    protected RecordingHandler receiver() {
        return handler;
    }

    /** Larger than SQS accepts in one message. */
    @Override
    protected EventEnvelope undeliverable(EventEnvelope event) {
        return new EventEnvelope(event.id(), event.type(), 1, event.tenantId(), event.subjectType(), event.subjectId(),
                event.occurredAt(), Map.of("text", "x".repeat(SqsEventPublisher.MAX_BATCH_BYTES)));
    }
}
