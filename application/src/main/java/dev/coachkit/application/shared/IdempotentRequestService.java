package dev.coachkit.application.shared;

import dev.coachkit.application.shared.port.in.IdempotentRequestUseCase;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.IdGenerator;
import dev.coachkit.application.shared.port.out.IdempotencyKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore;
import dev.coachkit.application.shared.port.out.IdempotencyStore.Reservation;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredKey;
import dev.coachkit.application.shared.port.out.IdempotencyStore.StoredResponse;
import dev.coachkit.application.shared.port.out.IdempotencyKey.Member;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.shared.Actor;
import dev.coachkit.domain.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keys are claimed, completed and released in short units of work of their own, never inside the
 * request's: the claim must be visible to concurrent duplicates at once, and a failed request must
 * not take the stored answer of a successful one with it. What is stored tells nothing without the
 * key text and the request ({@link IdempotencySecrets}).
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
        validate(request);
        IdempotencySecrets secrets = IdempotencySecrets.of(request);
        IdempotencyKey key = keyOf(request.caller(), secrets.digest());
        Instant now = clock.now();
        Reservation reservation = new Reservation(ids.newId(), secrets.requestHash(), now, now.plus(lease));
        return inUnitOf(key, () -> {
            if (store.reserve(key, reservation)) {
                return new Proceed(new Ticket(request.caller(), secrets.digest(), reservation.id(), secrets.sealKey()));
            }
            Optional<StoredKey> held = store.find(key, now);
            if (held.isEmpty()) {
                // the holder was released or expired between the two statements: it is this request's turn next time
                return new InProgress();
            }
            if (!held.get().requestHash().equals(secrets.requestHash())) {
                return new Mismatch();
            }
            return held.get().response()
                    .<Outcome>map(stored -> new Replay(toResponse(IdempotencySecrets.open(secrets.sealKey(), stored))))
                    .orElseGet(InProgress::new);
        });
    }

    @Override
    public void finish(Ticket ticket, Response response) {
        Instant expiresAt = clock.now().plus(retention);
        StoredResponse sealed = IdempotencySecrets.seal(ticket.sealKey(),
                new StoredResponse(response.status(), response.contentType(), response.body()));
        IdempotencyKey key = keyOf(ticket.caller(), ticket.keyDigest());
        inUnitOf(key, () -> store.complete(key, ticket.reservation(), sealed, expiresAt));
    }

    @Override
    public void abandon(Ticket ticket) {
        IdempotencyKey key = keyOf(ticket.caller(), ticket.keyDigest());
        inUnitOf(key, () -> store.release(key, ticket.reservation()));
    }

    /** A signed-in caller's key is theirs in their tenant; without a caller it is in the anonymous namespace. */
    private static IdempotencyKey keyOf(Optional<Actor> caller, String digest) {
        return caller.map(actor -> IdempotencyKey.of(actor.tenantId(), actor.accountId(), digest))
                .orElseGet(() -> IdempotencyKey.anonymous(digest));
    }

    private static Response toResponse(StoredResponse stored) {
        return new Response(stored.status(), stored.contentType(), stored.body());
    }

    private <T> T inUnitOf(IdempotencyKey key, Supplier<T> work) {
        return key.owner() instanceof Member member ? unitOfWork.inTenant(member.tenant(), work)
                : unitOfWork.withoutTenant(work);
    }

    private static void validate(Request request) {
        String key = request.key();
        int least = request.caller().isPresent() ? 1 : Request.MIN_ANONYMOUS_LENGTH;
        if (key.length() < least || key.length() > Request.MAX_LENGTH
                || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidInputException(IdempotencyKey.FIELD, "must be " + least + " to " + Request.MAX_LENGTH
                    + " printable ASCII characters" + (least > 1 ? " without an access token (a UUID is best)" : ""));
        }
    }
}
