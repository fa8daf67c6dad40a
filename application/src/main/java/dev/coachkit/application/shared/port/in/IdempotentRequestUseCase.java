package dev.coachkit.application.shared.port.in;

import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs a request at most once per {@code Idempotency-Key}: {@link #begin} claims the key (or finds
 * the stored answer), the host runs the request, then {@link #finish} stores its response or
 * {@link #abandon} frees the key so a retry runs it again.
 */
public interface IdempotentRequestUseCase {

    /**
     * Claims the caller's key for this request, each step in a unit of work of its own.
     *
     * @throws dev.coachkit.domain.shared.InvalidInputException when the key is not 1–255 printable ASCII
     */
    Outcome begin(Request request);

    /** Stores the response of a request begun with {@link Proceed}; it is replayed until the key expires. */
    void finish(Ticket ticket, StoredResponse response);

    /** Frees the key of a request that failed, so that a retry runs it again. */
    void abandon(Ticket ticket);

    /**
     * One request as the host received it. {@code method}, {@code target} (path and query) and
     * {@code body} are what a retry must repeat exactly.
     */
    record Request(Actor actor, String key, String method, String target, byte[] body) {
        public Request {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** Proof that this request holds its key. */
    record Ticket(IdempotencyKey key, UUID reservation) {
        public Ticket {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** What the host does with the request. */
    sealed interface Outcome permits Proceed, Replay, InProgress, Mismatch {}

    /** The key is new (or expired): run the request, then finish or abandon the ticket. */
    record Proceed(Ticket ticket) implements Outcome {}

    /** The same request already finished: answer its stored response instead of running it again. */
    record Replay(StoredResponse response) implements Outcome {}

    /** The same request holds the key and is still running: the client should retry shortly. */
    record InProgress() implements Outcome {}

    /** The key was used for a different request: refuse, as reusing a key for new work is a client error. */
    record Mismatch() implements Outcome {}
}
