package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Ready when the event queue answers; reports its depth, messages in flight and the dead-letter queue's depth. */
public final class SqsReadinessProbe implements ReadinessProbe {

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
        Map<QueueAttributeName, String> queue = attributes(queueUrl);
        Map<QueueAttributeName, String> deadLetters = attributes(deadLetterQueueUrl);
        return "messages=" + queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + " inFlight=" + queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                + " deadLetters=" + deadLetters.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private Map<QueueAttributeName, String> attributes(String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }
}
