package dev.coachkit.adapters.messaging.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** An {@link SqsClient} whose answers a test scripts, for outcomes a real server will not produce on demand. */
final class StubSqsClient implements SqsClient {

    final List<SendMessageBatchRequest> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger receives = new AtomicInteger();
    private final Function<SendMessageBatchRequest, SendMessageBatchResponse> sendAnswer;

    StubSqsClient(Function<SendMessageBatchRequest, SendMessageBatchResponse> sendAnswer) {
        this.sendAnswer = sendAnswer;
    }

    /** Every receive fails as if the endpoint were down. */
    static StubSqsClient unreachable() {
        return new StubSqsClient(request -> {
            throw SdkClientException.create("connection refused");
        });
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        sent.add(request);
        return sendAnswer.apply(request);
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        receives.incrementAndGet();
        throw SdkClientException.create("connection refused");
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
