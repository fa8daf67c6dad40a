package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Ready when the event queue answers; reports its depth, messages in flight and the dead-letter queue's depth. */
public final class SqsReadinessProbe implements ReadinessProbe {

    /** SQS's approximate counts: waiting, received but not yet deleted, and parked in the dead-letter queue. */
    public record QueueDepth(long messages, long inFlight, long deadLetters) {}

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public SqsReadinessProbe(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String check() {
        QueueDepth depth = depth();
        return "messages=" + depth.messages() + " inFlight=" + depth.inFlight() + " deadLetters=" + depth.deadLetters();
    }

    /** Two {@code GetQueueAttributes} calls, one per queue; throws when the queue does not answer. */
    public QueueDepth depth() {
        Map<QueueAttributeName, String> queue = attributes(queueUrl);
        Map<QueueAttributeName, String> deadLetters = attributes(deadLetterQueueUrl);
        return new QueueDepth(count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(deadLetters, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private Map<QueueAttributeName, String> attributes(String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalStateException("the queue did not report " + name);
        }
        return Long.parseLong(value);
    }
}
