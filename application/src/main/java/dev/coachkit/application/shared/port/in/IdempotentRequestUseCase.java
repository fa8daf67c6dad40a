package dev.coachkit.application.shared.port.in;

import java.util.Arrays;
import dev.coachkit.domain.shared.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

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
     *     characters, or fewer than {@link Request#MIN_ANONYMOUS_LENGTH} without a caller
     */
    Outcome begin(Request request);

    /** Stores the response of a request begun with {@link Proceed}; it is replayed until the key expires. */
    void finish(Ticket ticket, Response response);

    /** Frees the key of a request that failed, so that a retry runs it again. */
    void abandon(Ticket ticket);

    /**
     * One request as the host received it, from a signed-in {@code caller} or from nobody yet (sign-up,
     * sign-in). {@code method}, {@code target} (path and query), {@code body} and, without a caller, the
     * {@code credentials} it presents (empty for none) are what a retry must repeat exactly; a caller's
     * own retries may present renewed credentials.
     */
    record Request(Optional<Actor> caller, String key, String method, String target, String credentials,
            byte[] body) {

        public static final int MAX_LENGTH = 255;
        /**
         * Keys sent without a token share one namespace across all clients, so they must be long enough
         * to be unique by chance (a UUID has 36 characters).
         */
        public static final int MIN_ANONYMOUS_LENGTH = 16;

        public Request {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(credentials, "credentials");
            if (caller.isPresent() && !credentials.isEmpty()) {
                throw new IllegalArgumentException("a caller's request is matched by its account, not its credentials");
            }
            body = body.clone();
        }

        /** A signed-in caller's request. */
        public static Request of(Actor caller, String key, String method, String target, byte[] body) {
            return new Request(Optional.of(caller), key, method, target, "", body);
        }

        /**
         * A request to a route that needs no token, with the credentials it presents anyway (a signed-in
         * account accepting an invitation), empty for none.
         */
        public static Request anonymous(String key, String method, String target, String credentials, byte[] body) {
            return new Request(Optional.empty(), key, method, target, credentials, body);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * Proof that this request holds its key: whose key it is ({@code caller}, empty for an anonymous one),
     * the digest of its text, the reservation and the key its answer is sealed under.
     */
    record Ticket(Optional<Actor> caller, String keyDigest, UUID reservation, SecretKey sealKey) {

        public Ticket {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(keyDigest, "keyDigest");
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(sealKey, "sealKey");
        }

        @Override
        public String toString() {
            return "Ticket[caller=" + caller + ", reservation=" + reservation + "]";
        }
    }

    /** A response as the host answered it: status, content type (null without a body) and body bytes. */
    record Response(int status, String contentType, byte[] body) {

        public Response {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Response that && status == that.status
                    && Objects.equals(contentType, that.contentType) && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, contentType, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Response[status=" + status + ", contentType=" + contentType + ", " + body.length + " bytes]";
        }
    }

    /** What the host does with the request. */
    sealed interface Outcome permits Proceed, Replay, InProgress, Mismatch {}

    /** The key is new (or expired): run the request, then finish or abandon the ticket. */
    record Proceed(Ticket ticket) implements Outcome {}

    /** The same request already finished: answer its stored response instead of running it again. */
    record Replay(Response response) implements Outcome {}

    /** The same request holds the key and is still running: the client should retry shortly. */
    record InProgress() implements Outcome {}

    /** The key was used for a different request: refuse, as reusing a key for new work is a client error. */
    record Mismatch() implements Outcome {}
}
