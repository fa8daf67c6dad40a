package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The consumer loop when the queue cannot be reached, or is run twice. */
class SqsEventConsumerFailureTest {

    private final StubSqsClient unreachable = StubSqsClient.unreachable();
    private final SqsEventConsumer consumer = new SqsEventConsumer(unreachable,
            new SqsSettings("https://sqs.test/1/events", Duration.ofSeconds(1), Duration.ofSeconds(5)),
            new RecordingHandler());

    @Test
    void failing_receive_is_retried_after_a_pause_and_close_ends_the_pause() throws InterruptedException {
        Thread loop = new Thread(consumer, "sqs-consumer-test");
        loop.start();

        Eventually.await(Duration.ofSeconds(10), () -> unreachable.receives.get() >= 2,
                () -> unreachable.receives.get() + " receives");
        consumer.close();
        loop.join(Duration.ofSeconds(5).toMillis());

        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void running_the_same_consumer_twice_at_once_is_refused() throws InterruptedException {
        Thread loop = new Thread(consumer, "sqs-consumer-test");
        loop.start();
        Eventually.await(Duration.ofSeconds(10), () -> unreachable.receives.get() >= 1, () -> "no receive yet");

        assertThatThrownBy(consumer::run).isInstanceOf(IllegalStateException.class);

        consumer.close();
        loop.join(Duration.ofSeconds(5).toMillis());
    }
}
