package dev.coachkit.adapters.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Credential;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Stream;
import dev.coachkit.domain.shared.AuthenticationException;
import dev.coachkit.domain.shared.TooManyRequestsException;
import io.javalin.websocket.WsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code GET /realtime/ws?ticket=}: the same stream as the Server-Sent Events one, over a WebSocket. A
 * client resumes with {@code ?lastEventId=} on the upgrade (the stream opens at once), or by sending
 * {@code {"resume":"<id>"}} as its first message; without either the stream opens when
 * {@link #RESUME_WINDOW} has passed. A resume that comes after the stream opened could not be honoured,
 * so it closes the socket (1008) rather than leave the client believing it missed nothing. A refused
 * ticket closes the socket with 1008, a full account or server with 1013.
 */
final class WebSocketStreams {

    static final Duration RESUME_WINDOW = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenRealtimeStreamUseCase streams;
    private final EncodedEvents encoding;
    private final Map<Session, Connection> connections = new ConcurrentHashMap<>();
    /** One thread for every socket's resume window, not one per socket. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "coachkit-realtime-ws-timer");
        thread.setDaemon(true);
        return thread;
    });

    WebSocketStreams(OpenRealtimeStreamUseCase streams, EncodedEvents encoding) {
        this.streams = streams;
        this.encoding = encoding;
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            String ticket = ctx.queryParam("ticket");
            if (ticket == null) {
                ctx.session.close(WebSocketSink.POLICY_VIOLATION, "send ?ticket= from POST /realtime/tickets", Callback.NOOP);
                return;
            }
            Connection connection = new Connection(ctx.session, ticket);
            connections.put(ctx.session, connection);
            Optional<String> lastEventId = Optional.ofNullable(ctx.queryParam("lastEventId"));
            if (lastEventId.isPresent()) {
                connection.open(lastEventId);
            } else {
                timer.schedule(() -> connection.open(Optional.empty()), RESUME_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        ws.onMessage(ctx -> Optional.ofNullable(connections.get(ctx.session))
                .ifPresent(connection -> connection.received(resumeAfter(ctx.message()))));
        ws.onClose(ctx -> closed(ctx.session));
        ws.onError(ctx -> closed(ctx.session));
    }

    /** Stops the resume windows; the streams themselves end with the core's stop. */
    void stop() {
        timer.shutdownNow();
    }

    private void closed(Session session) {
        Connection connection = connections.remove(session);
        if (connection != null) {
            connection.close();
        }
    }

    /** The id in {@code {"resume":"<id>"}}; any other first message opens the stream without resuming. */
    private static Optional<String> resumeAfter(String message) {
        try {
            JsonNode resume = JSON.readTree(message).path("resume");
            return resume.isTextual() ? Optional.of(resume.asText()) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /** One socket: its stream opens once, on the first message or when the resume window ends. */
    private final class Connection {
        private final Session session;
        private final String ticket;
        private boolean decided;
        private Stream stream;

        Connection(Session session, String ticket) {
            this.session = session;
            this.ticket = ticket;
        }

        /** A message from the client: only a first one may resume; a later resume cannot be honoured. */
        synchronized void received(Optional<String> resume) {
            if (decided && resume.isPresent()) {
                session.close(WebSocketSink.POLICY_VIOLATION, "resume only as the first message, within "
                        + RESUME_WINDOW.toMillis() + " ms, or with ?lastEventId= on a new ticket", Callback.NOOP);
                return;
            }
            open(resume);
        }

        synchronized void open(Optional<String> lastEventId) {
            if (decided) {
                return;
            }
            decided = true;
            try {
                stream = streams.open(new OpenRealtimeStreamUseCase.Command(new Credential.Ticket(ticket), lastEventId,
                        new WebSocketSink(session, encoding)));
            } catch (AuthenticationException refused) {
                session.close(WebSocketSink.POLICY_VIOLATION, "the ticket is unknown, used or expired", Callback.NOOP);
            } catch (TooManyRequestsException full) {
                session.close(WebSocketSink.TRY_AGAIN_LATER, "too many streams; retry later", Callback.NOOP);
            }
        }

        synchronized void close() {
            decided = true;
            if (stream != null) {
                stream.close();
            }
        }
    }
}
