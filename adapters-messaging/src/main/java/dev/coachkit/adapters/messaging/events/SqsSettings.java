package dev.coachkit.adapters.messaging.events;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the consumer polls: the queue, the long-poll wait (0–20 s, whole seconds) and how
 * long a received message stays hidden from other consumers before it is delivered again.
 */
public record SqsSettings(String queueUrl, Duration waitTime, Duration visibilityTimeout) {

    /** SQS's longest long poll, and the default. */
    public static final Duration MAX_WAIT_TIME = Duration.ofSeconds(20);
    /** SQS's default visibility timeout. */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    /** SQS's longest visibility timeout. */
    public static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

    public SqsSettings {
        Objects.requireNonNull(queueUrl, "queueUrl");
        Objects.requireNonNull(waitTime, "waitTime");
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        if (queueUrl.isBlank()) {
            throw new IllegalArgumentException("queueUrl must not be blank");
        }
        if (!wholeSecondsWithin(waitTime, MAX_WAIT_TIME)) {
            throw new IllegalArgumentException("waitTime must be whole seconds from 0 to 20, was " + waitTime);
        }
        if (!wholeSecondsWithin(visibilityTimeout, MAX_VISIBILITY_TIMEOUT)) {
            throw new IllegalArgumentException(
                    "visibilityTimeout must be whole seconds from 0 to 12 hours, was " + visibilityTimeout);
        }
    }

    /** The queue with SQS's defaults: 20 s long polls, 30 s visibility timeout. */
    public static SqsSettings of(String queueUrl) {
        return new SqsSettings(queueUrl, MAX_WAIT_TIME, DEFAULT_VISIBILITY_TIMEOUT);
    }

    public SqsSettings withWaitTime(Duration waitTime) {
        return new SqsSettings(queueUrl, waitTime, visibilityTimeout);
    }

    public SqsSettings withVisibilityTimeout(Duration visibilityTimeout) {
        return new SqsSettings(queueUrl, waitTime, visibilityTimeout);
    }

    /** True for a FIFO queue, whose name ends with {@code .fifo}. */
    public boolean fifo() {
        return SqsQueues.isFifo(queueUrl);
    }

    private static boolean wholeSecondsWithin(Duration value, Duration max) {
        return !value.isNegative() && value.getNano() == 0 && value.compareTo(max) <= 0;
    }
}
