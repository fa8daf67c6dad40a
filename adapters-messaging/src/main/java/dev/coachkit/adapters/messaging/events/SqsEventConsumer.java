package dev.coachkit.adapters.messaging.events;

import dev.coachkit.adapters.messaging.events.EventMessages.MalformedEventException;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.in.HandleEventUseCase;
import dev.coachkit.application.events.port.out.EventSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The consumer loop: long-polls the queue, hands each event to the handler and deletes the messages
 * it handled. A message whose handling failed, or that is not an event, is left in the queue: it
 * comes back after the visibility timeout, and the queue's redrive policy moves it to the
 * dead-letter queue after too many receives. The core's event runtime runs it as an {@link EventSubscription}
 * (or run it on a thread of its own); {@link #close()} stops it.
 */
public final class SqsEventConsumer implements EventSubscription, Runnable {

    /** SQS's largest receive. */
    public static final int MAX_MESSAGES = 10;
    /** How long {@link #close()} waits for the messages in hand, beyond the poll in flight. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventConsumer.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final SqsSettings settings;
    private volatile HandleEventUseCase handler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** A consumer that receives once the runtime calls {@link #receive(Consumer)}. */
    public SqsEventConsumer(SqsClient sqs, SqsSettings settings) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A consumer bound to {@code handler}, for {@link #run()} on a thread of the caller's. */
    public SqsEventConsumer(SqsClient sqs, SqsSettings settings, HandleEventUseCase handler) {
        this(sqs, settings);
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Polls, handing each event to {@code handler}, until {@link #close()}. */
    @Override
    public void receive(Consumer<EventEnvelope> handler) {
        Objects.requireNonNull(handler, "handler");
        this.handler = handler::accept;
        run();
    }

    /** Polls until {@link #close()} (or an interrupt); a failing receive is logged and retried after a growing pause. */
    @Override
    public void run() {
        if (handler == null) {
            throw new IllegalStateException("no handler: use receive(handler)");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this consumer runs already; create one per thread");
        }
        try {
            Duration pause = FIRST_PAUSE;
            while (stopRequested.getCount() > 0) {
                try {
                    pollOnce();
                    pause = FIRST_PAUSE;
                } catch (RuntimeException failure) { // the queue is unreachable, or worse: never end the loop for it
                    LOG.warn("Receiving from {} failed; trying again in {}", settings.queueUrl(), pause, failure);
                    if (stopRequested.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    Duration doubled = pause.multipliedBy(2);
                    pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    /**
     * Stops the loop: the poll in flight returns (within the wait time), the messages in hand are
     * handled and deleted, then this returns — or gives up after the wait time plus {@link #CLOSE_GRACE}.
     */
    @Override
    public void close() {
        stopRequested.countDown();
        if (!started.get()) {
            return;
        }
        try {
            if (!finished.await(settings.waitTime().plus(CLOSE_GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The consumer of {} did not stop in time; its messages in hand will be delivered again",
                        settings.queueUrl());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One receive and its messages; returns how many were handled and deleted. */
    int pollOnce() {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(settings.queueUrl())
                .maxNumberOfMessages(MAX_MESSAGES)
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .visibilityTimeout((int) settings.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages();
        List<DeleteMessageBatchRequestEntry> handled = new ArrayList<>();
        for (Message message : messages) {
            if (handle(message)) {
                handled.add(DeleteMessageBatchRequestEntry.builder()
                        .id(String.valueOf(handled.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        delete(handled);
        return handled.size();
    }

    private boolean handle(Message message) {
        EventEnvelope event;
        try {
            event = EventMessages.read(message.body() == null ? "" : message.body());
        } catch (MalformedEventException malformed) {
            LOG.error("Message {} is not an event ({}); it is left for the dead-letter queue", message.messageId(),
                    malformed.getMessage());
            return false;
        }
        try (EventLogging context = EventLogging.about(event)) {
            return handle(event, message);
        }
    }

    private boolean handle(EventEnvelope event, Message message) {
        try {
            handler.handle(event);
            return true;
        } catch (RuntimeException failure) {
            LOG.warn("Handling {} {} failed (receive {}); it will be delivered again", event.type(), event.id(),
                    message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT), failure);
            return false;
        }
    }

    private void delete(List<DeleteMessageBatchRequestEntry> handled) {
        if (handled.isEmpty()) {
            return;
        }
        try {
            sqs.deleteMessageBatch(request -> request.queueUrl(settings.queueUrl()).entries(handled))
                    .failed()
                    .forEach(failed -> LOG.warn("Deleting a handled message failed ({}: {}); it will be delivered "
                            + "again and skipped by the consumers", failed.code(), failed.message()));
        } catch (SdkException failure) {
            LOG.warn("Deleting {} handled messages failed; they will be delivered again and skipped by the consumers",
                    handled.size(), failure);
        }
    }
}
