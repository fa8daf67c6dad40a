package dev.coachkit.application.shared.port.out;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys and the (sealed) responses stored under them. A member's key is reached inside a
 * {@link UnitOfWork} of its tenant, so a key of another tenant is out of reach; an anonymous key inside
 * a unit of work without a tenant.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request: inserts the reservation, or replaces a row that expired at or
     * before {@code reservation.reservedAt()}. Exactly one of several concurrent claims of the same key wins.
     *
     * @return false when a live row (reserved or completed) already holds the key
     */
    boolean reserve(IdempotencyKey key, Reservation reservation);

    /** The live row under {@code key}: none when absent or expired at or before {@code now}. */
    Optional<StoredKey> find(IdempotencyKey key, Instant now);

    /**
     * Stores the response of the request that holds {@code reservation} and keeps it until
     * {@code expiresAt}. False (and nothing changes) when the key no longer holds that reservation.
     */
    boolean complete(IdempotencyKey key, UUID reservation, StoredResponse response, Instant expiresAt);

    /** Deletes the key if it still holds {@code reservation} without a response; false otherwise. */
    boolean release(IdempotencyKey key, UUID reservation);

    /**
     * A claim of a key: who holds it ({@code id}), for which request, since when and until when it counts
     * as held while its request runs.
     */
    record Reservation(UUID id, String requestHash, Instant reservedAt, Instant expiresAt) {
        public Reservation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(requestHash, "requestHash");
            Objects.requireNonNull(reservedAt, "reservedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (!expiresAt.isAfter(reservedAt)) {
                throw new IllegalArgumentException("a reservation must expire after it is made");
            }
        }
    }

    /**
     * What a live key holds: its request's hash (keyed with the client's key text, so it tells nothing
     * without it) and, once the request finished, its response.
     */
    record StoredKey(UUID reservation, String requestHash, Optional<StoredResponse> response, Instant expiresAt) {
        public StoredKey {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(requestHash, "requestHash");
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * A response: status, content type (null without a body) and body bytes; in the store the body is
     * sealed, so only a retry that knows the key text and repeats the request can open it.
     */
    record StoredResponse(int status, String contentType, byte[] body) {
        public StoredResponse {
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
            return other instanceof StoredResponse that && status == that.status
                    && Objects.equals(contentType, that.contentType) && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, contentType, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "StoredResponse[status=" + status + ", contentType=" + contentType + ", " + body.length + " bytes]";
        }
    }
}
