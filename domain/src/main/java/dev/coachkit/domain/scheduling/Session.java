package dev.coachkit.domain.scheduling;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A booked coaching session between a coach and an athlete over a half-open interval of time. */
public final class Session {

    public static final int MAX_NOTES = 2_000;
    public static final int MAX_REASON = 500;

    private final UUID id;
    private final TenantId tenantId;
    private final AccountId coachId;
    private final AccountId athleteId;
    private final Optional<UUID> spaceId;
    private final TimeRange time;
    private final SessionStatus status;
    private final Optional<String> notes;
    private final Optional<String> cancelReason;
    private final Instant createdAt;
    private final Optional<Instant> cancelledAt;
    private final Payment payment;

    /**
     * How the session is paid: {@code paidWith}, and for a paid booking the order it waits on (or was paid
     * through) and, while PENDING_PAYMENT, when its hold on the slot expires.
     */
    public record Payment(PaidWith paidWith, Optional<UUID> orderId, Optional<Instant> holdExpiresAt) {
        public static final Payment NONE = new Payment(PaidWith.NONE, Optional.empty(), Optional.empty());

        public Payment {
            Objects.requireNonNull(paidWith, "paidWith");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(holdExpiresAt, "holdExpiresAt");
        }
    }

    private Session(UUID id, TenantId tenantId, AccountId coachId, AccountId athleteId, Optional<UUID> spaceId,
            TimeRange time, SessionStatus status, Optional<String> notes, Optional<String> cancelReason,
            Instant createdAt, Optional<Instant> cancelledAt, Payment payment) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.coachId = Objects.requireNonNull(coachId, "coachId");
        this.athleteId = Objects.requireNonNull(athleteId, "athleteId");
        this.spaceId = Objects.requireNonNull(spaceId, "spaceId");
        this.time = Objects.requireNonNull(time, "time");
        this.status = Objects.requireNonNull(status, "status");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.cancelReason = Objects.requireNonNull(cancelReason, "cancelReason");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.cancelledAt = Objects.requireNonNull(cancelledAt, "cancelledAt");
        this.payment = Objects.requireNonNull(payment, "payment");
        if ((status == SessionStatus.PENDING_PAYMENT) && payment.holdExpiresAt().isEmpty()) {
            throw new IllegalArgumentException("a session held for payment has a hold expiry");
        }
        if ((status == SessionStatus.CANCELLED) != cancelledAt.isPresent()) {
            throw new IllegalArgumentException("cancelledAt is set exactly when the session is cancelled");
        }
    }

    /** A scheduled session; the end must come after the start, notes are optional and bounded. */
    public static Session book(UUID id, TenantId tenantId, AccountId coachId, AccountId athleteId,
            Optional<UUID> spaceId, Instant startsAt, Instant endsAt, Optional<String> notes, Instant now) {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        return new Session(id, tenantId, coachId, athleteId, spaceId, new TimeRange(startsAt, endsAt),
                SessionStatus.SCHEDULED, bounded(notes, "notes", MAX_NOTES), Optional.empty(), now, Optional.empty(),
                Payment.NONE);
    }

    public static Session reconstitute(UUID id, TenantId tenantId, AccountId coachId, AccountId athleteId,
            Optional<UUID> spaceId, TimeRange time, SessionStatus status, Optional<String> notes,
            Optional<String> cancelReason, Instant createdAt, Optional<Instant> cancelledAt, Payment payment) {
        return new Session(id, tenantId, coachId, athleteId, spaceId, time, status, notes, cancelReason, createdAt,
                cancelledAt, payment);
    }

    /**
     * A session held for payment until {@code holdExpiresAt}: it occupies the coach's calendar like a scheduled
     * one, waiting on the order {@code orderId}, and becomes SCHEDULED when paid in time or EXPIRED when not.
     */
    public static Session hold(UUID id, TenantId tenantId, AccountId coachId, AccountId athleteId,
            Optional<UUID> spaceId, Instant startsAt, Instant endsAt, Optional<String> notes, UUID orderId,
            Instant holdExpiresAt, Instant now) {
        Objects.requireNonNull(orderId, "orderId");
        if (!holdExpiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a hold expires after it is placed");
        }
        Session booked = book(id, tenantId, coachId, athleteId, spaceId, startsAt, endsAt, notes, now);
        return booked.with(SessionStatus.PENDING_PAYMENT,
                new Payment(PaidWith.NONE, Optional.of(orderId), Optional.of(holdExpiresAt)));
    }

    /** This scheduled session, paid with one of the athlete's credits. */
    public Session paidWithCredit() {
        if (status != SessionStatus.SCHEDULED) {
            throw new IllegalStateException("only a scheduled session is paid with a credit, not a " + status + " one");
        }
        return with(SessionStatus.SCHEDULED, new Payment(PaidWith.CREDIT, payment.orderId(), Optional.empty()));
    }

    /**
     * The held session confirmed by its payment at {@code now}: SCHEDULED, paid with a credit. Empty when it is
     * not held any more (expired, cancelled, confirmed before) or its hold ran out before {@code now}, so
     * that a late payment never confirms a slot someone else may have taken meanwhile.
     */
    public Optional<Session> confirmPaid(Instant now) {
        if (!isHeldAt(now)) {
            return Optional.empty();
        }
        return Optional.of(with(SessionStatus.SCHEDULED,
                new Payment(PaidWith.CREDIT, payment.orderId(), Optional.empty())));
    }

    /** The hold given up (its hold ran out or its payment failed): EXPIRED, its time free; empty if not held. */
    public Optional<Session> expireHold() {
        return status == SessionStatus.PENDING_PAYMENT ? Optional.of(with(SessionStatus.EXPIRED, payment))
                : Optional.empty();
    }

    /** Whether the session is held for payment and its hold still runs at {@code now}. */
    public boolean isHeldAt(Instant now) {
        return status == SessionStatus.PENDING_PAYMENT && payment.holdExpiresAt().filter(now::isBefore).isPresent();
    }

    /**
     * The cancelled session, which frees its time; a scheduled or held session may be cancelled, one already
     * cancelled or expired is a conflict.
     */
    public Session cancel(Optional<String> reason, Instant now) {
        if (!status.occupiesCalendar()) {
            throw new ConflictException(status == SessionStatus.EXPIRED ? "the session's hold has expired"
                    : "the session is already cancelled");
        }
        return new Session(id, tenantId, coachId, athleteId, spaceId, time, SessionStatus.CANCELLED, notes,
                bounded(reason, "reason", MAX_REASON), createdAt, Optional.of(now), payment);
    }

    private Session with(SessionStatus newStatus, Payment newPayment) {
        return new Session(id, tenantId, coachId, athleteId, spaceId, time, newStatus, notes, cancelReason, createdAt,
                cancelledAt, newPayment);
    }

    /** The event of booking this session (for a held one: of its confirmation). */
    public SessionScheduled scheduledBy(AccountId bookedBy) {
        return new SessionScheduled(tenantId, id, coachId, athleteId, startsAt(), endsAt(), bookedBy, createdAt);
    }

    /** The event of the cancellation this (cancelled) session went through. */
    public SessionCancelled cancelledBy(AccountId cancelledBy) {
        Instant at = cancelledAt.orElseThrow(() -> new IllegalStateException("session " + id + " is not cancelled"));
        return new SessionCancelled(tenantId, id, coachId, athleteId, startsAt(), endsAt(), cancelledBy, cancelReason,
                at);
    }

    /** The reminder that this session starts in {@code offset}, due {@code now}. */
    public SessionReminderDue reminderDue(Duration offset, Instant now) {
        return new SessionReminderDue(tenantId, id, coachId, athleteId, startsAt(), endsAt(), offset, now);
    }

    public boolean hasParticipant(AccountId account) {
        return coachId.equals(account) || athleteId.equals(account);
    }

    private static Optional<String> bounded(Optional<String> text, String field, int max) {
        Optional<String> trimmed = text.map(String::strip).filter(value -> !value.isEmpty());
        if (trimmed.filter(value -> value.codePointCount(0, value.length()) > max).isPresent()) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public AccountId coachId() {
        return coachId;
    }

    public AccountId athleteId() {
        return athleteId;
    }

    public Optional<UUID> spaceId() {
        return spaceId;
    }

    public TimeRange time() {
        return time;
    }

    public Instant startsAt() {
        return time.start();
    }

    public Instant endsAt() {
        return time.end();
    }

    public SessionStatus status() {
        return status;
    }

    public boolean isScheduled() {
        return status == SessionStatus.SCHEDULED;
    }

    public boolean isPaidWithCredit() {
        return payment.paidWith() == PaidWith.CREDIT;
    }

    public Optional<String> notes() {
        return notes;
    }

    public Optional<String> cancelReason() {
        return cancelReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> cancelledAt() {
        return cancelledAt;
    }

    public Payment payment() {
        return payment;
    }
}
