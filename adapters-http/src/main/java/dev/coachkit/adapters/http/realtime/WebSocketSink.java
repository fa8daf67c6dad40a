package dev.coachkit.adapters.http.realtime;

import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Ending;
import dev.coachkit.application.realtime.port.in.OpenRealtimeStreamUseCase.Sink;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One stream over a WebSocket: each event a text frame {@code {id, type, data}}, heartbeats as ping
 * frames. Jetty sends asynchronously; the bytes it has not sent yet are counted, and beyond
 * {@link EventStreamWriter#MAX_QUEUED_BYTES} the sink refuses, which ends a stream whose client does not read.
 */
final class WebSocketSink implements Sink {

    /** Close codes (RFC 6455): going away for a stopping server, policy violation for a revoked or expired token. */
    static final int GOING_AWAY = 1001;
    static final int POLICY_VIOLATION = 1008;
    static final int TRY_AGAIN_LATER = 1013;

    private final Session session;
    private final EncodedEvents encoding;
    private final AtomicInteger unsentBytes = new AtomicInteger();

    WebSocketSink(Session session, EncodedEvents encoding) {
        this.session = session;
        this.encoding = encoding;
    }

    @Override
    public boolean event(String id, String type, Map<String, Object> data) {
        return send(encoding.frame(id, type, data));
    }

    @Override
    public boolean ping() {
        if (unsentBytes.get() > EventStreamWriter.MAX_QUEUED_BYTES) {
            return false;
        }
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        return true;
    }

    /** The socket is open already; the events follow as they come. */
    @Override
    public void live() {}

    @Override
    public void reset() {
        send(EncodedEvents.json(Map.of("type", "reset")));
    }

    /** Says why, then closes; a stopping server suggests when to reconnect, spread so its clients do not all come at once. */
    @Override
    public void end(Ending ending) {
        if (ending == Ending.TOO_SLOW) {
            session.disconnect();
            return;
        }
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("reason", ending.name());
        if (ending == Ending.SHUTDOWN) {
            reason.put("retryAfterMillis", ThreadLocalRandom.current().nextInt(1_000, 5_000));
        }
        send(EncodedEvents.json(Map.of("type", "end", "data", reason)));
        session.close(ending == Ending.SHUTDOWN ? GOING_AWAY : POLICY_VIOLATION, ending.name(), Callback.NOOP);
    }

    private boolean send(String text) {
        int size = text.length();
        if (unsentBytes.addAndGet(size) > EventStreamWriter.MAX_QUEUED_BYTES) {
            unsentBytes.addAndGet(-size);
            return false;
        }
        session.sendText(text, Callback.from(() -> unsentBytes.addAndGet(-size), failed -> unsentBytes.addAndGet(-size)));
        return true;
    }
}
