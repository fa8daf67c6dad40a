package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsQueuesTest {

    private final SqsClient sqs = SqsTestServer.shared().client();

    @AfterEach
    void close_client() {
        sqs.close();
    }

    @Test
    void queue_is_created_with_a_redrive_policy_to_its_dead_letter_queue() {
        String name = SqsTestServer.uniqueQueueName("ensure", false);

        String url = SqsQueues.ensure(sqs, name, 4);

        assertThat(url).endsWith("/" + name);
        String deadLetterArn = attributes(deadLetterUrl(name)).get(QueueAttributeName.QUEUE_ARN);
        assertThat(attributes(url).get(QueueAttributeName.REDRIVE_POLICY))
                .contains(deadLetterArn).containsPattern("\"maxReceiveCount\":\"?4\"?");
    }

    @Test
    void ensuring_again_keeps_the_queue_and_applies_the_new_max_receive_count() {
        String name = SqsTestServer.uniqueQueueName("ensure", false);
        String first = SqsQueues.ensure(sqs, name, 4);

        String second = SqsQueues.ensure(sqs, name, 7);

        assertThat(second).isEqualTo(first);
        assertThat(attributes(second).get(QueueAttributeName.REDRIVE_POLICY)).containsPattern("\"maxReceiveCount\":\"?7\"?");
    }

    @Test
    void existing_queue_without_dead_letter_queue_gets_one() {
        String name = SqsTestServer.uniqueQueueName("ensure", false);
        String existing = sqs.createQueue(request -> request.queueName(name)).queueUrl();

        assertThat(SqsQueues.ensure(sqs, name, 3)).isEqualTo(existing);
        assertThat(attributes(existing)).containsKey(QueueAttributeName.REDRIVE_POLICY);
    }

    @Test
    void fifo_name_makes_a_fifo_queue_and_a_fifo_dead_letter_queue() {
        String name = SqsTestServer.uniqueQueueName("ensure", true);

        String url = SqsQueues.ensure(sqs, name, 3);

        assertThat(attributes(url)).containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
        assertThat(attributes(deadLetterUrl(name))).containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
    }

    @Test
    void dead_letter_queue_name_keeps_the_fifo_suffix_last() {
        assertThat(SqsQueues.deadLetterQueueName("events")).isEqualTo("events-dlq");
        assertThat(SqsQueues.deadLetterQueueName("events.fifo")).isEqualTo("events-dlq.fifo");
    }

    @Test
    void max_receive_count_outside_1_to_1000_is_rejected() {
        assertThatThrownBy(() -> SqsQueues.ensure(sqs, "events", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqsQueues.ensure(sqs, "events", 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    private String deadLetterUrl(String name) {
        return sqs.getQueueUrl(request -> request.queueName(SqsQueues.deadLetterQueueName(name))).queueUrl();
    }

    private Map<QueueAttributeName, String> attributes(String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }
}
