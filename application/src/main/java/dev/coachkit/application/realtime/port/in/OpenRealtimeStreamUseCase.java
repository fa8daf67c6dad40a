package dev.coachkit.application.realtime.port.in;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a stream of the events the caller can read, delivered to a {@link Sink} as they are committed on
 * any process. With a last event id it first replays what followed it, in order and none twice, or
 * sends one reset when that is no longer retained. The stream ends when its access token expires, its
 * session is signed out, its member leaves the tenant, its client is too slow, or the server stops.
 */
public interface OpenRealtimeStreamUseCase {

    /** How the client proves who it is: its access token, or a ticket standing for one. */
    sealed interface Credential {
        record Bearer(String accessToken) implements Credential {}

        record Ticket(String ticket) implements Credential {}
    }

    /** @param lastEventId the id of the last event the client received, if any (it may be malformed or old) */
    record Command(Credential credential, Optional<String> lastEventId, Sink sink) {
        public Command {
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(lastEventId, "lastEventId");
            Objects.requireNonNull(sink, "sink");
        }
    }

    /** Why a stream ended. */
    enum Ending {
        /** The access token that opened it expired: reconnect with a fresh one. */
        TOKEN_EXPIRED,
        /** The session was signed out or the member left the tenant. */
        REVOKED,
        /** The client did not keep up: its buffer was full. */
        TOO_SLOW,
        /** The server is stopping: reconnect (to another process) after the retry hint. */
        SHUTDOWN
    }

    /**
     * Where one stream's messages go, written by the adapter that holds the connection. Calls come from
     * the core's one delivery thread and must not block: a full buffer answers false.
     */
    interface Sink {
        /**
         * The stream has joined: every event committed after the position it starts from will reach it.
         * Called once, before anything else, so an adapter that holds its answer until then (Server-Sent
         * Events) tells a client that fetches after opening that it misses nothing in between.
         */
        void live();

        /** Queues one event; false when the client's buffer is full. */
        boolean event(String id, String type, Map<String, Object> data);

        /** Queues a heartbeat; false when the client's buffer is full. */
        boolean ping();

        /** Tells the client that events were missed (its last id is no longer retained): it refetches. */
        void reset();

        /** Ends the stream; nothing is sent after it. */
        void end(Ending ending);
    }

    /** An open stream; closing it (the client went away) frees its place at once. */
    interface Stream extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @throws dev.coachkit.domain.shared.AuthenticationException for a refused token or an unknown, used or expired ticket
     * @throws dev.coachkit.domain.shared.TooManyRequestsException when the account or this process holds the most streams allowed
     */
    Stream open(Command command);
}
