package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.messaging.testing.SqsTestServer;
import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher.PublishResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** What the SQS publisher puts on the wire, and how it reports what SQS refused. */
class SqsEventPublisherMessageTest {

    private final SqsClient sqs = SqsTestServer.shared().client();

    @AfterEach
    void close_client() {
        sqs.close();
    }

    @Test
    void message_carries_the_event_as_json_and_its_id_type_and_tenant_as_attributes() {
        String queue = SqsQueues.ensure(sqs, SqsTestServer.uniqueQueueName("wire", false), 3);
        EventEnvelope event = TestEvents.anEvent();

        new SqsEventPublisher(sqs, queue).publish(List.of(event));

        Message message = receiveOne(queue);
        assertThat(message.body()).contains("\"occurredAt\":\"2026-03-29T01:30:00.123456Z\"");
        assertThat(EventMessages.read(message.body())).isEqualTo(event);
        assertThat(message.messageAttributes()).hasSize(3);
        assertThat(message.messageAttributes().get("eventId").stringValue()).isEqualTo(event.id().toString());
        assertThat(message.messageAttributes().get("eventType").stringValue()).isEqualTo("post.created");
        assertThat(message.messageAttributes().get("tenantId").stringValue())
                .isEqualTo(event.tenantId().value().toString());
    }

    @Test
    void fifo_message_is_grouped_by_tenant_and_deduplicated_by_event_id() {
        String queue = SqsQueues.ensure(sqs, SqsTestServer.uniqueQueueName("wire", true), 3);
        EventEnvelope event = TestEvents.anEvent();
        SqsEventPublisher publisher = new SqsEventPublisher(sqs, queue);

        publisher.publish(List.of(event));
        publisher.publish(List.of(event));

        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queue).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, event.tenantId().value().toString())
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, event.id().toString());
    }

    @Test
    void entries_sqs_refuses_are_reported_by_event_id() {
        List<EventEnvelope> batch = TestEvents.events(3);
        StubSqsClient stub = new StubSqsClient(request -> SendMessageBatchResponse.builder()
                .failed(BatchResultErrorEntry.builder().id(request.entries().get(1).id()).code("InternalError")
                        .message("try again").senderFault(false).build())
                .build());

        PublishResult result = new SqsEventPublisher(stub, "https://sqs.test/1/events").publish(batch);

        assertThat(result.failures()).containsOnly(Map.entry(batch.get(1).id(), "InternalError: try again"));
    }

    @Test
    void batch_over_the_size_limit_is_sent_in_several_calls() {
        List<EventEnvelope> batch = List.of(large(), large(), large());
        StubSqsClient stub = new StubSqsClient(request -> SendMessageBatchResponse.builder().build());

        PublishResult result = new SqsEventPublisher(stub, "https://sqs.test/1/events").publish(batch);

        assertThat(result.failures()).isEmpty();
        assertThat(stub.sent).hasSize(2);
        assertThat(stub.sent).flatExtracting(request -> request.entries()).hasSize(3);
    }

    @Test
    void later_call_failing_as_a_whole_reports_its_events_and_keeps_the_first_calls() {
        List<EventEnvelope> batch = List.of(large(), large(), large());
        StubSqsClient stub = new StubSqsClient(request -> {
            if (request.entries().get(0).id().equals("0")) {
                return SendMessageBatchResponse.builder().build();
            }
            throw SdkClientException.create("connection reset");
        });

        PublishResult result = new SqsEventPublisher(stub, "https://sqs.test/1/events").publish(batch);

        assertThat(result.failures()).containsOnlyKeys(batch.get(2).id());
    }

    @Test
    void unreachable_queue_throws() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (SqsClient unreachable = SqsClients.create(Optional.of(nowhere), SqsTestServer.REGION)) {
            SqsEventPublisher publisher = new SqsEventPublisher(unreachable, nowhere + "/000000000000/events");

            assertThatThrownBy(() -> publisher.publish(List.of(TestEvents.anEvent()))).isInstanceOf(SdkException.class);
        }
    }

    /** About 100 KiB of JSON: two fit in one call, three do not. */
    private static EventEnvelope large() {
        return TestEvents.anEvent(TestEvents.TENANT_A, Map.of("text", "y".repeat(100 * 1024)));
    }

    private Message receiveOne(String queue) {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queue).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
