package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client for {@code /realtime/ws} tests: keeps every text frame as JSON and the close code. */
final class WebSocketClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private Integer closeCode;

    static WebSocketClient connect(int port, String pathAndQuery) {
        WebSocketClient client = new WebSocketClient();
        try {
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client)
                    .get(EventStreamClient.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("the WebSocket did not open", failed);
        }
        return client;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception malformed) {
                throw new IllegalStateException("a frame that is not JSON: " + partial, malformed);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    synchronized List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    synchronized Integer closeCode() {
        return closeCode;
    }

    /** Waits for the first frame that matches; fails with what was received when none comes in time. */
    JsonNode await(String what, Predicate<JsonNode> matching) {
        Instant deadline = Instant.now().plus(EventStreamClient.PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode frame : frames()) {
                if (matching.test(frame)) {
                    return frame;
                }
            }
            pause();
        }
        return fail("no " + what + " arrived within " + EventStreamClient.PATIENCE + "; the socket got " + frames());
    }

    /** Waits until the server closed the socket; answers its close code. */
    int awaitClose() {
        Instant deadline = Instant.now().plus(EventStreamClient.PATIENCE);
        while (closeCode() == null && Instant.now().isBefore(deadline)) {
            pause();
        }
        if (closeCode() == null) {
            fail("the socket was not closed within " + EventStreamClient.PATIENCE + "; it got " + frames());
        }
        return closeCode();
    }

    private static void pause() {
        try {
            Thread.sleep(Duration.ofMillis(10).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
