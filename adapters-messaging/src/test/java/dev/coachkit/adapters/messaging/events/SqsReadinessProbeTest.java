package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsReadinessProbeTest {

    @Test
    void reports_the_depth_of_the_queue_and_of_its_dead_letter_queue() {
        SqsClient sqs = SqsTestServer.shared().client();
        String name = SqsTestServer.uniqueQueueName("probe", false);
        String url = SqsQueues.ensure(sqs, name, 3);
        String deadLetters = sqs.getQueueUrl(r -> r.queueName(SqsQueues.deadLetterQueueName(name))).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{}"));
        SqsReadinessProbe probe = new SqsReadinessProbe(sqs, url, deadLetters);

        String detail = probe.check();

        assertThat(probe.name()).isEqualTo("queue");
        assertThat(detail).isEqualTo("messages=1 inFlight=0 deadLetters=0");
        assertThat(probe.depth()).isEqualTo(new SqsReadinessProbe.QueueDepth(1, 0, 0));
    }

    @Test
    void a_received_message_counts_as_in_flight() {
        SqsClient sqs = SqsTestServer.shared().client();
        String name = SqsTestServer.uniqueQueueName("inflight", false);
        String url = SqsQueues.ensure(sqs, name, 3);
        String deadLetters = sqs.getQueueUrl(r -> r.queueName(SqsQueues.deadLetterQueueName(name))).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{}"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{}"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).visibilityTimeout(30)).messages())
                .hasSize(1);

        assertThat(new SqsReadinessProbe(sqs, url, deadLetters).depth())
                .isEqualTo(new SqsReadinessProbe.QueueDepth(1, 1, 0));
    }

    @Test
    void an_unreachable_queue_is_not_ready() {
        try (SqsClient unreachable = SqsClients.create(Optional.of(URI.create("http://127.0.0.1:9")), "us-east-1")) {
            SqsReadinessProbe probe = new SqsReadinessProbe(unreachable, "http://127.0.0.1:9/queue/q",
                    "http://127.0.0.1:9/queue/q-dlq");

            assertThatThrownBy(probe::check).isInstanceOf(RuntimeException.class);
        }
    }
}
