package dev.coachkit.bootstrap;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests: opens {@code GET /realtime/events}, reads the stream on a thread
 * of its own and keeps every line, parsing events as an EventSource does ({@code id:}, {@code event:},
 * {@code data:}, a blank line ends one; comments start with a colon).
 */
final class EventStreamClient implements AutoCloseable {

    /** One event as received. */
    record Event(String id, String type, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final HttpResponse<Stream<String>> response;
    private final List<String> lines = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private boolean ended;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream at {@code pathAndQuery} with {@code headers}; whatever the status, the body is read. */
    static EventStreamClient open(int port, String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new EventStreamClient(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("the stream did not answer", failed);
        }
    }

    static EventStreamClient open(int port, ApiClient.Session as) {
        return open(port, "/realtime/events", Map.of("Authorization", "Bearer " + as.accessToken()));
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    private void read() {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> body = response.body()) {
            for (String line : (Iterable<String>) body::iterator) {
                synchronized (this) {
                    lines.add(line);
                    if (line.isEmpty() && (type != null || !data.isEmpty())) {
                        events.add(new Event(id, type == null ? "message" : type,
                                JSON.readTree(data.isEmpty() ? "null" : data.toString())));
                        id = null;
                        type = null;
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException closed) {
            // the server ended the stream, or the test closed it (perhaps before it was read at all)
        } finally {
            synchronized (this) {
                ended = true;
            }
        }
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether the server closed the response. */
    synchronized boolean ended() {
        return ended;
    }

    /** Waits for the first event that matches; fails with everything received when none comes in time. */
    Event await(String what, Predicate<Event> matching) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (Event event : events()) {
                if (matching.test(event)) {
                    return event;
                }
            }
            pause();
        }
        return fail("no " + what + " arrived within " + PATIENCE + "; the stream got " + lines());
    }

    /** The event of {@code type} about the resource whose id is {@code subjectKey} = {@code subjectId}. */
    Event await(String type, String subjectKey, String subjectId) {
        return await(type + " " + subjectId, event -> event.type().equals(type)
                && event.data().path(subjectKey).asText().equals(subjectId));
    }

    /**
     * Waits until the stream is live. A stream joins the server's delivery asynchronously and takes what is
     * committed after it joined, so this writes posts with {@code writeProbe} (answering each post's id)
     * until one of them arrives.
     */
    EventStreamClient awaitLive(Supplier<String> writeProbe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            String probe = writeProbe.get();
            Instant briefly = Instant.now().plus(Duration.ofMillis(500));
            while (Instant.now().isBefore(briefly)) {
                if (events().stream().anyMatch(event -> event.data().path("postId").asText().equals(probe))) {
                    return this;
                }
                pause();
            }
        }
        return fail("the stream never went live; it got " + lines());
    }

    /** Waits until the server closed the stream. */
    void awaitEnd() {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!ended() && Instant.now().isBefore(deadline)) {
            pause();
        }
        if (!ended()) {
            fail("the stream did not end within " + PATIENCE + "; it got " + lines());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
