package dev.coachkit.adapters.messaging.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/** Creates the event queue and its dead-letter queue, linked by a redrive policy, unless they exist. */
public final class SqsQueues {

    /** The dead-letter queue keeps a message for SQS's longest retention, 14 days. */
    static final String DEAD_LETTER_RETENTION_SECONDS = String.valueOf(14 * 24 * 3600);
    private static final String FIFO_SUFFIX = ".fifo";

    private SqsQueues() {}

    /**
     * Ensures queue {@code name} and its dead-letter queue ({@link #deadLetterQueueName}) exist, and
     * that a message received {@code maxReceiveCount} times without being deleted moves to the
     * dead-letter queue. A name ending in {@code .fifo} makes both FIFO queues. Returns the queue's
     * URL. Safe to call at every start and from several processes at once.
     */
    public static String ensure(SqsClient sqs, String name, int maxReceiveCount) {
        Objects.requireNonNull(sqs, "sqs");
        Objects.requireNonNull(name, "name");
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be 1 to 1000, was " + maxReceiveCount);
        }
        Map<QueueAttributeName, String> deadLetterAttributes = fifoAttributes(name);
        deadLetterAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, DEAD_LETTER_RETENTION_SECONDS);
        String deadLetterUrl = createOrGet(sqs, deadLetterQueueName(name), deadLetterAttributes);
        String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl)
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = createOrGet(sqs, name, fifoAttributes(name));
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\""
                + maxReceiveCount + "\"}";
        sqs.setQueueAttributes(request -> request.queueUrl(url)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy)));
        return url;
    }

    /** {@code events} → {@code events-dlq}, {@code events.fifo} → {@code events-dlq.fifo}. */
    public static String deadLetterQueueName(String name) {
        return isFifo(name)
                ? name.substring(0, name.length() - FIFO_SUFFIX.length()) + "-dlq" + FIFO_SUFFIX
                : name + "-dlq";
    }

    static boolean isFifo(String queueNameOrUrl) {
        return queueNameOrUrl.endsWith(FIFO_SUFFIX);
    }

    private static Map<QueueAttributeName, String> fifoAttributes(String name) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        if (isFifo(name)) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        return attributes;
    }

    /** Creates the queue; when one of that name exists with other attributes, uses it as it is. */
    private static String createOrGet(SqsClient sqs, String name, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException exists) {
            return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
        }
    }
}
