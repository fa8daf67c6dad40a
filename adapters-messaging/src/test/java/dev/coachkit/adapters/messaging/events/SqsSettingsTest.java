package dev.coachkit.adapters.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsSettingsTest {

    private static final String URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/events";

    @Test
    void defaults_are_twenty_second_polls_and_thirty_second_visibility() {
        SqsSettings settings = SqsSettings.of(URL);

        assertThat(settings.waitTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.fifo()).isFalse();
        assertThat(SqsSettings.of(URL + ".fifo").fifo()).isTrue();
    }

    @Test
    void wait_time_must_be_whole_seconds_up_to_twenty() {
        assertThat(SqsSettings.of(URL).withWaitTime(Duration.ZERO).waitTime()).isZero();
        assertThatThrownBy(() -> SqsSettings.of(URL).withWaitTime(Duration.ofSeconds(21)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqsSettings.of(URL).withWaitTime(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqsSettings.of(URL).withWaitTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void visibility_timeout_must_be_whole_seconds_up_to_twelve_hours() {
        assertThat(SqsSettings.of(URL).withVisibilityTimeout(Duration.ofHours(12)).visibilityTimeout())
                .isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> SqsSettings.of(URL).withVisibilityTimeout(Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blank_queue_url_is_rejected() {
        assertThatThrownBy(() -> SqsSettings.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void client_for_aws_is_built_without_contacting_anything() {
        try (SqsClient client = SqsClients.create(Optional.empty(), "eu-west-1")) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        }
    }
}
