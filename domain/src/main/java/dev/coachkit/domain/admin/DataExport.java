package dev.coachkit.domain.admin;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A GDPR export an ADMIN requested: of one member ({@code subject}) or of the whole organization
 * (no subject). The worker builds its archive into the blob store and marks it READY, or FAILED
 * with a reason; it moves only forward from PENDING.
 */
public final class DataExport {

    public static final int MAX_FAILURE_REASON_LENGTH = 500;

    private final UUID id;
    private final TenantId tenantId;
    private final AccountId requestedBy;
    private final AccountId subject;
    private final ExportStatus status;
    private final String failureReason;
    private final Instant requestedAt;
    private final Instant completedAt;

    private DataExport(UUID id, TenantId tenantId, AccountId requestedBy, AccountId subject, ExportStatus status,
            String failureReason, Instant requestedAt, Instant completedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.subject = subject;
        this.status = Objects.requireNonNull(status, "status");
        this.failureReason = failureReason;
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
        this.completedAt = completedAt;
        if ((status == ExportStatus.FAILED) != (failureReason != null)) {
            throw new IllegalArgumentException("a failure reason is set exactly when the export failed");
        }
        if ((status == ExportStatus.PENDING) != (completedAt == null)) {
            throw new IllegalArgumentException("an export is completed exactly when it is no longer pending");
        }
    }

    /** A new export of {@code subject}'s data, or of the whole tenant when empty. */
    public static DataExport request(UUID id, TenantId tenantId, AccountId requestedBy, Optional<AccountId> subject,
            Instant now) {
        return new DataExport(id, tenantId, requestedBy, subject.orElse(null), ExportStatus.PENDING, null, now, null);
    }

    /** The event of requesting this export. */
    public ExportRequested requested() {
        return new ExportRequested(tenantId, id, Optional.ofNullable(subject), requestedAt);
    }

    public static DataExport reconstitute(UUID id, TenantId tenantId, AccountId requestedBy,
            Optional<AccountId> subject, ExportStatus status, Optional<String> failureReason, Instant requestedAt,
            Optional<Instant> completedAt) {
        return new DataExport(id, tenantId, requestedBy, subject.orElse(null), status, failureReason.orElse(null),
                requestedAt, completedAt.orElse(null));
    }

    /** The archive is stored under {@link #archiveKey()}. */
    public DataExport ready(Instant now) {
        requirePending();
        return new DataExport(id, tenantId, requestedBy, subject, ExportStatus.READY, null, requestedAt, now);
    }

    /** The archive could not be built; the reason is cut to {@value #MAX_FAILURE_REASON_LENGTH} characters. */
    public DataExport failed(String reason, Instant now) {
        requirePending();
        String cut = reason.length() > MAX_FAILURE_REASON_LENGTH ? reason.substring(0, MAX_FAILURE_REASON_LENGTH)
                : reason;
        return new DataExport(id, tenantId, requestedBy, subject, ExportStatus.FAILED, cut, requestedAt, now);
    }

    private void requirePending() {
        if (status != ExportStatus.PENDING) {
            throw new ConflictException("export " + id + " is already " + status);
        }
    }

    /** Where the blob store keeps the ZIP archive. */
    public String archiveKey() {
        return tenantId.value() + "/exports/" + id + ".zip";
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public AccountId requestedBy() {
        return requestedBy;
    }

    /** The member whose data is exported; empty for the whole organization. */
    public Optional<AccountId> subject() {
        return Optional.ofNullable(subject);
    }

    public ExportStatus status() {
        return status;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }
}
