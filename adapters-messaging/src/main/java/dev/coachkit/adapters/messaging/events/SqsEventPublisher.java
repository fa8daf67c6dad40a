package dev.coachkit.adapters.messaging.events;

import dev.coachkit.application.events.envelope.EventEnvelope;
import dev.coachkit.application.events.port.out.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Publishes events to an SQS queue with {@code SendMessageBatch}: a JSON body per event and the
 * attributes {@code eventId}, {@code eventType}, {@code tenantId}. On a FIFO queue the tenant is the
 * message group and the event id the deduplication id. Entries SQS rejects are reported as failures;
 * a call that fails as a whole (queue unreachable) throws.
 */
public final class SqsEventPublisher implements EventPublisher {

    /** SQS's size limit for one message and for one batch (the lower, classic limit, which every compatible server accepts). */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;

    public SqsEventPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.fifo = SqsQueues.isFifo(queueUrl);
    }

    @Override
    public PublishResult publish(List<EventEnvelope> events) {
        EventBatches.check(events);
        Map<UUID, String> failures = new LinkedHashMap<>();
        List<List<Entry>> calls = new ArrayList<>();
        List<Entry> call = new ArrayList<>();
        int callBytes = 0;
        for (int i = 0; i < events.size(); i++) {
            Entry entry = entry(String.valueOf(i), events.get(i));
            if (entry.bytes() > MAX_BATCH_BYTES) {
                failures.put(entry.event().id(), "message of " + entry.bytes() + " bytes exceeds SQS's limit of "
                        + MAX_BATCH_BYTES);
                continue;
            }
            if (callBytes + entry.bytes() > MAX_BATCH_BYTES) {
                calls.add(call);
                call = new ArrayList<>();
                callBytes = 0;
            }
            call.add(entry);
            callBytes += entry.bytes();
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        boolean anySent = false;
        for (List<Entry> entries : calls) {
            try {
                send(entries, failures);
                anySent = true;
            } catch (SdkException failure) {
                if (!anySent) {
                    throw failure; // nothing went out: the whole batch failed
                }
                entries.forEach(entry -> failures.put(entry.event().id(), EventBatches.reason(failure)));
            }
        }
        return new PublishResult(failures);
    }

    private void send(List<Entry> entries, Map<UUID, String> failures) {
        Map<String, EventEnvelope> byEntryId = new LinkedHashMap<>();
        entries.forEach(entry -> byEntryId.put(entry.request().id(), entry.event()));
        List<BatchResultErrorEntry> failed = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl)
                .entries(entries.stream().map(Entry::request).toList())).failed();
        for (BatchResultErrorEntry error : failed) {
            EventEnvelope event = byEntryId.get(error.id());
            if (event != null) {
                failures.put(event.id(), error.code() + ": " + error.message());
            }
        }
    }

    private Entry entry(String entryId, EventEnvelope event) {
        String body = EventMessages.write(event);
        Map<String, MessageAttributeValue> attributes = Map.of(
                "eventId", text(event.id().toString()),
                "eventType", text(event.type()),
                "tenantId", text(event.tenantId().value().toString()));
        SendMessageBatchRequestEntry.Builder request = SendMessageBatchRequestEntry.builder()
                .id(entryId)
                .messageBody(body)
                .messageAttributes(attributes);
        if (fifo) {
            request.messageGroupId(event.tenantId().value().toString())
                    .messageDeduplicationId(event.id().toString());
        }
        int bytes = utf8Length(body);
        for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
            bytes += utf8Length(attribute.getKey()) + utf8Length(attribute.getValue().dataType())
                    + utf8Length(attribute.getValue().stringValue());
        }
        return new Entry(event, request.build(), bytes);
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private record Entry(EventEnvelope event, SendMessageBatchRequestEntry request, int bytes) {}
}
