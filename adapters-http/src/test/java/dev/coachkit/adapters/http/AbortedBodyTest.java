package dev.coachkit.adapters.http;

import static dev.coachkit.adapters.http.testing.TestServer.aServer;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.coachkit.adapters.http.shared.RequestLogging;
import dev.coachkit.adapters.http.testing.LogCapture;
import dev.coachkit.adapters.http.testing.StubAuthentication;
import dev.coachkit.adapters.http.testing.TestRoutes;
import dev.coachkit.adapters.http.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A client that announces a body and closes the connection before sending all of it is at fault, not the
 * server: a 4xx in the metrics, one quiet log line without a stack trace, and the connection closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbortedBodyTest {

    private static final String ANNOUNCED_1000_SENT_10 = "POST /test/members HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\nAuthorization: Bearer " + StubAuthentication.TOKEN
            + "\r\n\r\n{\"name\":\"A";

    private TestServer server;

    @BeforeAll
    void start() {
        server = aServer().routes(new TestRoutes()).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_body_cut_short_by_the_client_is_answered_400_and_the_connection_closed() throws IOException {
        try (Socket socket = connect()) {
            send(socket, ANNOUNCED_1000_SENT_10);
            socket.shutdownOutput(); // the client's half of the connection ends 990 bytes early

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).as("read until the server closed the connection").startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .containsIgnoringCase("Connection: close")
                    .contains("\"status\":400");
        }
    }

    @Test
    void a_client_that_aborts_its_body_is_counted_as_a_client_error_and_logged_in_one_line_without_a_trace()
            throws Exception {
        try (LogCapture log = LogCapture.capture()) {
            try (Socket socket = connect()) {
                send(socket, ANNOUNCED_1000_SENT_10);
            } // closed outright: no answer can reach it
            awaitAccessLine(log);

            List<ILoggingEvent> lines = log.events().stream()
                    .filter(line -> line.getLevel().isGreaterOrEqual(Level.DEBUG)).toList();
            assertThat(lines).as("no line above INFO").allSatisfy(line ->
                    assertThat(line.getLevel().toInt()).isLessThanOrEqualTo(Level.INFO_INT));
            assertThat(lines).as("no stack trace").allSatisfy(line -> assertThat(line.getThrowableProxy()).isNull());
            assertThat(log.of(RequestLogging.ACCESS_LOGGER)).singleElement().satisfies(line ->
                    assertThat(line.getFormattedMessage()).matches("POST /test/members 400 \\d+ ms"));
        }
        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\","
                + "status=\"400\",uri=\"/test/members\"}");
        assertThat(metrics).doesNotContain("outcome=\"SERVER_ERROR\"");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.uri("/").getPort());
        socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The access line is written after the answer; the client that closed outright has nothing to wait on. */
    private static void awaitAccessLine(LogCapture log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.of(RequestLogging.ACCESS_LOGGER).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // anything the failure logs after the access line
    }
}
