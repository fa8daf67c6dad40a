package dev.coachkit.application.shared;

import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.IdempotencyStore.Reservation;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Keys are claimed, completed and released in short units of work of their own, never inside the
 * request's: the claim must be visible to concurrent duplicates at once, and a failed request must
 * not take the stored answer of a successful one with it.
 */
public final class IdempotentRequestService implements IdempotentRequestUseCase {

    /** How long a stored response is replayed. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    /**
     * How long a claim without a response blocks its key. Past it the request is presumed dead (its
     * process crashed) and a retry may run it again; no request of this API runs nearly that long.
     */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(1);

    private final UnitOfWork unitOfWork;
    private final IdempotencyStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;

    public IdempotentRequestService(UnitOfWork unitOfWork, IdempotencyStore store, IdGenerator ids, Clock clock,
            Duration retention, Duration lease) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.store = Objects.requireNonNull(store, "store");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.compareTo(lease) < 0 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive and no longer than the retention");
        }
        this.retention = retention;
        this.lease = lease;
    }

    @Override
    public Outcome begin(Request request) {
        IdempotencyKey key = new IdempotencyKey(request.actor().tenantId(), request.actor().accountId(), request.key());
        String hash = hash(request);
        Instant now = clock.now();
        Reservation reservation = new Reservation(ids.newId(), hash, now, now.plus(lease));
        return unitOfWork.inTenant(key.tenant(), () -> {
            if (store.reserve(key, reservation)) {
                return new Proceed(new Ticket(key, reservation.id()));
            }
            Optional<StoredKey> held = store.find(key, now);
            if (held.isEmpty()) {
                // the holder was released or expired between the two statements: it is this request's turn next time
                return new InProgress();
            }
            if (!held.get().requestHash().equals(hash)) {
                return new Mismatch();
            }
            return held.get().response().<Outcome>map(Replay::new).orElseGet(InProgress::new);
        });
    }

    @Override
    public void finish(Ticket ticket, StoredResponse response) {
        Instant expiresAt = clock.now().plus(retention);
        unitOfWork.inTenant(ticket.key().tenant(),
                () -> store.complete(ticket.key(), ticket.reservation(), response, expiresAt));
    }

    @Override
    public void abandon(Ticket ticket) {
        unitOfWork.inTenant(ticket.key().tenant(), () -> store.release(ticket.key(), ticket.reservation()));
    }

    /** SHA-256 over length-prefixed parts, so no two different requests concatenate to the same input. */
    static String hash(Request request) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (byte[] part : new byte[][] {request.method().getBytes(StandardCharsets.UTF_8),
                request.target().getBytes(StandardCharsets.UTF_8), request.body()}) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
