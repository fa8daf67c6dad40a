package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapters.persistence.testing.PostgresServer;
import dev.coachkit.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow clients against the wired server with a 2 s idle timeout: connections that send nothing are
 * closed once the timeout passes and hold no thread while they wait; a request whose body stops coming
 * holds its handler's thread until then and is answered 408. Neither delays anyone else's request. A body
 * that the client cuts short is a client error (400), not a server one.
 */
class SlowClientEndToEndTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final int SILENT = 50;
    private static final int STALLED = 5;

    private static CoachKitServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeAll
    static void start() {
        Map<String, String> environment = new HashMap<>(HostileInputEndToEndTest.UNLIMITED);
        environment.put("COACHKIT_HTTP_IDLE_TIMEOUT_SECONDS", Long.toString(IDLE.toSeconds()));
        server = CoachKitServer.start(Configuration.from(ExternalServers.environment(
                TestDatabase.createOn(PostgresServer.shared()), environment)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Threads of the server's HTTP pool, what a waiting connection would hold if Jetty gave it one;
     * not all threads of the JVM, where the server's background work (such as its ffmpeg check) comes and goes.
     */
    /**
     * The pool's size once it stopped changing: Jetty starts and retires threads a moment after the work that
     * called for them (the requests of another test, the sign-up above), which would otherwise be counted as
     * threads the silent connections took.
     */
    private static int settledHttpThreads() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int previous = httpThreads();
        while (System.nanoTime() < deadline) {
            pause(Duration.ofMillis(300));
            int now = httpThreads();
            if (now == previous) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int httpThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("JettyServerThreadPool")).count();
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void silent_and_stalled_connections_are_closed_after_the_idle_timeout_without_holding_up_others()
            throws IOException {
        ApiClient api = new ApiClient(server.port());
        ApiClient.Session admin = api.registerAdmin();
        int threadsBefore = settledHttpThreads();
        assertThat(threadsBefore).as("the server's HTTP threads, found by their name").isPositive();
        long opened = System.nanoTime();
        for (int i = 0; i < SILENT; i++) {
            connect();
        }
        // Jetty waits for their bytes with its selector; a thread is taken only once a request arrives
        int threadsWhileSilent = httpThreads();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < STALLED; i++) {
            Socket socket = connect();
            // headers and the start of a body that never comes: the handler is left waiting for the rest
            OutputStream out = socket.getOutputStream();
            out.write(("POST /spaces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\nX-Forwarded-For: " + api.clientAddress() + "\r\nAuthorization: Bearer "
                    + admin.accessToken() + "\r\n\r\n{\"name\":\"Sl").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stalled.add(socket);
        }

        long served = System.nanoTime();
        api.expect(200, "GET", "/spaces", null, admin);
        Duration servedIn = Duration.ofNanos(System.nanoTime() - served);

        assertThat(servedIn).as("a normal request among %d slow connections", SILENT + STALLED)
                .isLessThan(Duration.ofSeconds(1));
        // not a thread per connection: Jetty's pool may still grow by a few for its own reasons (5 of 50 seen)
        assertThat(threadsWhileSilent - threadsBefore).as("threads added while %d connections wait", SILENT)
                .isLessThan(SILENT / 2);
        for (Socket socket : sockets) {
            String answer = readUntilClosed(socket);
            Duration open = Duration.ofNanos(System.nanoTime() - opened);
            assertThat(open).as("closed by the server, after the idle timeout")
                    .isGreaterThanOrEqualTo(IDLE.minusMillis(200)).isLessThan(IDLE.multipliedBy(4));
            if (stalled.contains(socket)) {
                assertThat(answer).as("the answer to a stalled body").startsWith("HTTP/1.1 408 ")
                        .containsIgnoringCase("Content-Type: application/problem+json")
                        .contains("\"status\":408");
            } else {
                assertThat(answer).as("a connection that sent nothing gets nothing").isEmpty();
            }
        }
        api.expect(200, "GET", "/spaces", null, admin);
    }

    @Test
    void a_login_whose_body_is_cut_short_is_a_client_error_and_its_connection_is_closed() throws Exception {
        String login = "POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\nX-Forwarded-For: 198.51.100.7\r\n\r\n{\"email\":";
        String series = "http_server_requests_seconds_count";
        String route = "uri=\"/auth/login\"";
        PrometheusSamples before = PrometheusSamples.scrape(server.port());

        Socket halfClosed = connect();
        halfClosed.getOutputStream().write(login.getBytes(StandardCharsets.US_ASCII));
        halfClosed.shutdownOutput(); // 990 bytes short: the body ends where the client stops writing
        long sent = System.nanoTime();
        String answer = readUntilClosed(halfClosed);
        Socket aborted = connect();
        aborted.getOutputStream().write(login.getBytes(StandardCharsets.US_ASCII));
        aborted.close(); // closed outright: no answer can reach it, but the server still counts it

        assertThat(answer).as("the answer to a body cut short").startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("Content-Type: application/problem+json")
                .containsIgnoringCase("Connection: close");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("answered and closed at once, not at the idle timeout")
                .isLessThan(IDLE);
        PrometheusSamples after = before;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); System.nanoTime() < deadline; ) {
            after = PrometheusSamples.scrape(server.port());
            if (after.sum(series, route, "status=\"400\"") - before.sum(series, route, "status=\"400\"") >= 2) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(after.sum(series, route, "status=\"400\"") - before.sum(series, route, "status=\"400\""))
                .as("both counted as 400").isEqualTo(2);
        assertThat(after.sum(series, "outcome=\"SERVER_ERROR\"") - before.sum(series, "outcome=\"SERVER_ERROR\""))
                .as("server errors meanwhile, on any route").isZero();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
        // far beyond the idle timeout: a read that times out means the server never closed the connection
        socket.setSoTimeout((int) IDLE.multipliedBy(5).toMillis());
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
