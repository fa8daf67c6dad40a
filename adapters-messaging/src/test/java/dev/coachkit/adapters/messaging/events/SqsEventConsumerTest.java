package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The consumer loop on a real SQS-compatible server: delete on success, redelivery, dead-lettering, closing. */
class SqsEventConsumerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration SHORT_VISIBILITY = Duration.ofSeconds(1);

    private final SqsClient sqs = SqsTestServer.shared().client();
    private final RecordingHandler handler = new RecordingHandler();
    private final List<SqsEventConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<Thread> loops = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop_consumers() throws InterruptedException {
        consumers.forEach(SqsEventConsumer::close);
        for (Thread loop : loops) {
            loop.join(TIMEOUT.toMillis());
        }
        sqs.close();
    }

    @Test
    void handled_message_is_deleted() {
        String queue = queue(5);
        EventEnvelope event = TestEvents.anEvent();
        start(queue, handler);

        publish(queue, event);

        handler.awaitHandled(Set.of(event.id()), TIMEOUT);
        awaitEmpty(queue);
        assertThat(handler.attempts(event.id())).isEqualTo(1);
    }

    @Test
    void a_message_is_handled_with_its_events_tenant_and_id_in_the_logging_context() {
        String queue = queue(5);
        EventEnvelope event = TestEvents.anEvent(TestEvents.TENANT_B, Map.of());
        List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();
        start(queue, handled -> {
            contexts.add(MDC.getCopyOfContextMap());
            handler.handle(handled);
        });

        publish(queue, event);

        handler.awaitHandled(Set.of(event.id()), TIMEOUT);
        assertThat(contexts).containsExactly(
                Map.of("tenantId", TestEvents.TENANT_B.value().toString(), "eventId", event.id().toString()));
    }

    @Test
    void failed_message_is_delivered_again_after_the_visibility_timeout() {
        String queue = queue(5);
        EventEnvelope event = TestEvents.anEvent();
        handler.failTimes(event.id(), 1);
        start(queue, handler);

        publish(queue, event);

        handler.awaitHandled(Set.of(event.id()), TIMEOUT);
        assertThat(handler.attempts(event.id())).isEqualTo(2);
        awaitEmpty(queue);
    }

    @Test
    void message_failing_max_receive_count_times_moves_to_the_dead_letter_queue() {
        String queue = queue(2);
        EventEnvelope event = TestEvents.anEvent();
        handler.failAlways(event.id());
        start(queue, handler);

        publish(queue, event);

        Message dead = awaitDeadLetter(queue);
        assertThat(EventMessages.read(dead.body())).isEqualTo(event);
        assertThat(handler.attempts(event.id())).isEqualTo(2);
        assertThat(handler.handled()).isEmpty();
    }

    @Test
    void malformed_message_is_left_for_the_dead_letter_queue_and_the_loop_goes_on() {
        String queue = queue(1);
        start(queue, handler);
        EventEnvelope event = TestEvents.anEvent();

        sqs.sendMessage(request -> request.queueUrl(queue).messageBody("{\"id\": \"not an event\""));
        publish(queue, event);

        handler.awaitHandled(Set.of(event.id()), TIMEOUT);
        assertThat(awaitDeadLetter(queue).body()).isEqualTo("{\"id\": \"not an event\"");
    }

    @Test
    void close_finishes_the_message_in_hand_before_returning() throws InterruptedException {
        String queue = queue(5);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HandleEventUseCase blocking = event -> {
            entered.countDown();
            await(release);
            handler.handle(event);
        };
        SqsEventConsumer consumer = start(queue, blocking);
        EventEnvelope event = TestEvents.anEvent();
        publish(queue, event);
        assertThat(entered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread closer = new Thread(consumer::close, "closer");
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits for the message in hand").isTrue();
        release.countDown();
        closer.join(TIMEOUT.toMillis());

        assertThat(closer.isAlive()).isFalse();
        loops.get(0).join(TIMEOUT.toMillis());
        assertThat(loops.get(0).isAlive()).as("run() returned").isFalse();
        assertThat(handler.handledIds()).containsExactly(event.id());
        assertThat(messagesIn(queue)).as("deleted before close returned").isZero();
    }

    @Test
    void close_of_an_idle_consumer_returns_after_the_poll_in_flight() {
        SqsEventConsumer consumer = start(queue(5), handler);

        assertTimeoutPreemptively(WAIT.plusSeconds(5), consumer::close);

        Eventually.await(TIMEOUT, () -> !loops.get(0).isAlive(), () -> "the loop still runs");
    }

    @Test
    void consumer_closed_before_it_runs_does_not_poll() {
        SqsEventConsumer consumer = new SqsEventConsumer(sqs, settings(queue(5)), handler);

        consumer.close();

        assertTimeoutPreemptively(Duration.ofSeconds(5), consumer::run);
    }

    private String queue(int maxReceiveCount) {
        return SqsQueues.ensure(sqs, SqsTestServer.uniqueQueueName("consumer", false), maxReceiveCount);
    }

    private static SqsSettings settings(String queue) {
        return new SqsSettings(queue, WAIT, SHORT_VISIBILITY);
    }

    private SqsEventConsumer start(String queue, HandleEventUseCase target) {
        SqsEventConsumer consumer = new SqsEventConsumer(sqs, settings(queue), target);
        Thread loop = new Thread(consumer, "sqs-consumer-test");
        consumers.add(consumer);
        loops.add(loop);
        loop.start();
        return consumer;
    }

    private void publish(String queue, EventEnvelope event) {
        assertThat(new SqsEventPublisher(sqs, queue).publish(List.of(event)).failures()).isEmpty();
    }

    private void awaitEmpty(String queue) {
        Eventually.await(TIMEOUT, () -> messagesIn(queue) == 0, () -> messagesIn(queue) + " messages left");
    }

    private long messagesIn(String queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queue)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private Message awaitDeadLetter(String queue) {
        String name = queue.substring(queue.lastIndexOf('/') + 1);
        String deadLetterUrl = sqs.getQueueUrl(request -> request.queueName(SqsQueues.deadLetterQueueName(name)))
                .queueUrl();
        List<Message> received = new CopyOnWriteArrayList<>();
        Eventually.await(TIMEOUT, () -> received.addAll(sqs.receiveMessage(request -> request.queueUrl(deadLetterUrl)
                .waitTimeSeconds(1)).messages()), () -> "nothing in " + deadLetterUrl);
        return received.get(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
