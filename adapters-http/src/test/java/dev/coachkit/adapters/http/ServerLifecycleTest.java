package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapters.http.shared.ApiRoute;
import dev.coachkit.adapters.http.testing.TestResponse;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void stop_lets_an_in_flight_request_finish() throws Exception {
        TestRoutes routes = new TestRoutes();
        TestServer server = aServer().routes(routes).settings(s -> s.withStopTimeout(Duration.ofSeconds(20))).start();
        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> server.get("/test/slow"));
        assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        routes.slowRelease.countDown();

        assertThat(inFlight.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopping.get(20, TimeUnit.SECONDS);
    }

    @Test
    void while_stopping_new_connections_are_refused_and_the_in_flight_request_still_answers_200() throws Exception {
        TestRoutes routes = new TestRoutes();
        TestServer server = aServer().routes(routes).settings(s -> s.withStopTimeout(Duration.ofSeconds(20))).start();
        int port = server.server().port();
        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() -> server.get("/test/slow"));
        assertThat(routes.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        awaitRefused(port);

        assertThat(inFlight).as("the request in hand is not cut off").isNotDone();
        assertThat(stopping).as("stop waits for it").isNotDone();
        routes.slowRelease.countDown();
        assertThat(inFlight.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        stopping.get(20, TimeUnit.SECONDS);
    }

    /** Waits until the listener is closed: a new connection is refused. */
    private static void awaitRefused(int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException refused) {
                return;
            }
            assertThat(Instant.now()).as("new connections refused after stop began").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    void port_zero_binds_a_free_port_and_stop_is_idempotent() {
        TestServer server = aServer().start();

        assertThat(server.server().port()).isPositive();
        server.close();
        server.server().stop();
    }

    @Test
    void two_routes_with_the_same_method_and_path_are_refused_at_start() {
        ApiRoute twin = ApiRoute.get("/health").operationId("getHealthAgain").tag("Test").summary("duplicate")
                .json(200, "never", String.class).handle(ctx -> {});

        assertThatThrownBy(() -> aServer().routes(() -> List.of(twin)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /health");
    }

    @Test
    void two_routes_with_the_same_operation_id_are_refused_at_start() {
        ApiRoute twin = ApiRoute.get("/other").operationId("getHealth").tag("Test").summary("duplicate")
                .json(200, "never", String.class).handle(ctx -> {});

        assertThatThrownBy(() -> aServer().routes(() -> List.of(twin)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getHealth");
    }

    @Test
    void a_body_type_the_document_cannot_describe_is_refused_at_start() {
        ApiRoute opaque = ApiRoute.post("/opaque").operationId("postOpaque").tag("Test").summary("opaque")
                .body(StringBuilder.class).json(200, "never", String.class).handle(ctx -> {});

        assertThatThrownBy(() -> aServer().routes(() -> List.of(opaque)).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
    }
}
