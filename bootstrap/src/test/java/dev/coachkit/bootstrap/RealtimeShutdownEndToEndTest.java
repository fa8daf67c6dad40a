package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import dev.coachkit.bootstrap.ApiClient.Session;
import dev.coachkit.bootstrap.EventStreamClient.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stopping server ends its streams at once, each with a retry hint, instead of waiting out its grace period. */
class RealtimeShutdownEndToEndTest {

    @Test
    void stopping_the_server_ends_every_stream_with_a_retry_hint() {
        CoachKitServer server = CoachKitServer.start(Configuration.from(ExternalServers.environment(
                TestDatabase.createOn(PostgresServer.shared()), HostileInputEndToEndTest.UNLIMITED)));
        ApiClient api = new ApiClient(server.port());
        Session admin = api.registerAdmin();
        String space = api.expect(201, "POST", "/spaces", Map.of("name", "Squad", "isPrivate", false), admin)
                .path("id").asText();
        try (EventStreamClient stream = EventStreamClient.open(server.port(), admin)) {
            String post = api.expect(201, "POST", "/posts", Map.of("spaceId", space, "type", "TEXT", "content", "Hi"),
                    admin).path("id").asText();
            stream.await("post.created", "postId", post);

            Instant stopping = Instant.now();
            server.close();

            Event end = stream.await("the end of the stream", event -> event.type().equals("end"));
            assertThat(end.data().path("reason").asText()).isEqualTo("SHUTDOWN");
            assertThat(stream.lines()).anySatisfy(line -> assertThat(line).matches("retry: \\d+"));
            stream.awaitEnd();
            assertThat(Duration.between(stopping, Instant.now())).as("the stop did not wait for the stream")
                    .isLessThan(Duration.ofSeconds(10));
        }
    }
}
