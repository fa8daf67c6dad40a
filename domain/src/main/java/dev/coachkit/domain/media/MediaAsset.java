package dev.coachkit.domain.media;

import dev.coachkit.domain.shared.AccountId;
import dev.coachkit.domain.shared.ConflictException;
import dev.coachkit.domain.shared.InvalidInputException;
import dev.coachkit.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded image or video: announced with its declared size, uploaded straight to storage,
 * then processed into metadata and a thumbnail. Moves only forward: PENDING_UPLOAD, PROCESSING,
 * then READY or FAILED.
 */
public final class MediaAsset {

    public static final int MAX_FILE_NAME_LENGTH = 255;
    public static final int MAX_FAILURE_REASON_LENGTH = 500;
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private final UUID id;
    private final TenantId tenantId;
    private final AccountId uploader;
    private final UUID spaceId;
    private final String fileName;
    private final String contentType;
    private final long sizeBytes;
    private final String multipartUploadId;
    private final MediaStatus status;
    private final MediaMetadata metadata;
    private final boolean hasThumbnail;
    private final String failureReason;
    private final Instant createdAt;
    private final Instant uploadExpiresAt;
    private final Instant uploadedAt;

    private MediaAsset(UUID id, TenantId tenantId, AccountId uploader, UUID spaceId, String fileName,
            String contentType, long sizeBytes, String multipartUploadId, MediaStatus status, MediaMetadata metadata,
            boolean hasThumbnail, String failureReason, Instant createdAt, Instant uploadExpiresAt,
            Instant uploadedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.uploader = Objects.requireNonNull(uploader, "uploader");
        this.spaceId = spaceId;
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.sizeBytes = sizeBytes;
        this.multipartUploadId = multipartUploadId;
        this.status = Objects.requireNonNull(status, "status");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.hasThumbnail = hasThumbnail;
        this.failureReason = failureReason;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.uploadExpiresAt = Objects.requireNonNull(uploadExpiresAt, "uploadExpiresAt");
        this.uploadedAt = uploadedAt;
        if ((status == MediaStatus.PENDING_UPLOAD) != (uploadedAt == null)) {
            throw new IllegalArgumentException("an upload time is set exactly when the upload was finalized");
        }
        if ((status == MediaStatus.FAILED) != (failureReason != null)) {
            throw new IllegalArgumentException("a failure reason is set exactly when the media failed");
        }
        if (hasThumbnail && status != MediaStatus.READY) {
            throw new IllegalArgumentException("only ready media has a thumbnail");
        }
    }

    /**
     * A new asset awaiting its bytes. The content type must be on the allow-list, the size positive.
     *
     * @param multipartUploadId the storage's id of a multipart upload, empty when one PUT carries the file
     */
    public static MediaAsset requestUpload(UUID id, TenantId tenantId, AccountId uploader, Optional<UUID> spaceId,
            String fileName, String contentType, long sizeBytes, Optional<String> multipartUploadId, Instant now,
            Instant uploadExpiresAt) {
        MediaKind.of(contentType);
        if (sizeBytes <= 0) {
            throw new InvalidInputException("sizeBytes", "must be positive");
        }
        return new MediaAsset(id, tenantId, uploader, spaceId.orElse(null), checkedFileName(fileName),
                MediaKind.normalized(contentType), sizeBytes, multipartUploadId.orElse(null),
                MediaStatus.PENDING_UPLOAD, MediaMetadata.none(), false, null, now, uploadExpiresAt, null);
    }

    public static MediaAsset reconstitute(UUID id, TenantId tenantId, AccountId uploader, Optional<UUID> spaceId,
            String fileName, String contentType, long sizeBytes, Optional<String> multipartUploadId, MediaStatus status,
            MediaMetadata metadata, boolean hasThumbnail, Optional<String> failureReason, Instant createdAt,
            Instant uploadExpiresAt, Optional<Instant> uploadedAt) {
        return new MediaAsset(id, tenantId, uploader, spaceId.orElse(null), fileName, contentType, sizeBytes,
                multipartUploadId.orElse(null), status, metadata, hasThumbnail, failureReason.orElse(null), createdAt,
                uploadExpiresAt, uploadedAt.orElse(null));
    }

    /**
     * A file name as clients send it: 1-255 characters, no path separators, no control characters, and no
     * invisible format characters (see below): a right-to-left override (U+202E) makes "invoice", U+202E, "gpj.exe"
     * show as {@code invoiceexe.jpg}, and zero-width characters make two names look alike.
     */
    public static String checkedFileName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.length() > MAX_FILE_NAME_LENGTH) {
            throw new InvalidInputException("fileName", "must be 1 to " + MAX_FILE_NAME_LENGTH + " characters");
        }
        if (fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
            throw new InvalidInputException("fileName", "must not contain path separators or control characters");
        }
        if (fileName.codePoints().anyMatch(MediaAsset::isInvisibleFormatting)) {
            throw new InvalidInputException("fileName", "must not contain bidirectional controls or other invisible "
                    + "formatting characters (such as U+202E, U+200B)");
        }
        return fileName.strip();
    }

    /**
     * Unicode's format characters (Cf): bidi controls, zero-width space, word joiner, the BOM, soft hyphen, tags.
     * Except the zero-width joiner and non-joiner, which Persian and Indic words and emoji sequences need to render.
     */
    private static boolean isInvisibleFormatting(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && codePoint != ZERO_WIDTH_NON_JOINER
                && codePoint != ZERO_WIDTH_JOINER;
    }

    /** The bytes arrived at {@code now}: processing starts, with the size the storage reports. */
    public MediaAsset uploaded(long storedBytes, Instant now) {
        if (status != MediaStatus.PENDING_UPLOAD) {
            throw new ConflictException("media " + id + " is already " + status + ", not awaiting its upload");
        }
        return new MediaAsset(id, tenantId, uploader, spaceId, fileName, contentType, storedBytes, null,
                MediaStatus.PROCESSING, metadata, false, null, createdAt, uploadExpiresAt, Objects.requireNonNull(now));
    }

    /** The event of the upload {@link #uploaded} accepted: the bytes wait under {@link #objectKey()}. */
    public MediaUploaded uploadFinished() {
        if (status != MediaStatus.PROCESSING || uploadedAt == null) {
            throw new IllegalStateException("media " + id + " is " + status + ", not freshly uploaded");
        }
        return new MediaUploaded(tenantId, id, objectKey(), contentType, sizeBytes, uploadedAt);
    }

    /** The event of processing ending in READY or FAILED at {@code at}. */
    public MediaProcessed processed(Instant at) {
        if (status != MediaStatus.READY && status != MediaStatus.FAILED) {
            throw new IllegalStateException("media " + id + " is " + status + ", not processed");
        }
        return new MediaProcessed(tenantId, id, status, Optional.ofNullable(failureReason), at);
    }

    /** The event of deleting this asset at {@code at}, in the state it had. */
    public MediaDeleted deleted(Instant at) {
        return new MediaDeleted(tenantId, id, status, sizeBytes, at);
    }

    /**
     * Processing succeeded; for a {@linkplain MediaKind#pictured() pictured} kind the thumbnail is stored under
     * {@link #thumbnailKey()}, audio has none.
     */
    public MediaAsset ready(MediaMetadata learned) {
        requireProcessing();
        return new MediaAsset(id, tenantId, uploader, spaceId, fileName, contentType, sizeBytes, null,
                MediaStatus.READY, learned, kind().pictured(), null, createdAt, uploadExpiresAt, uploadedAt);
    }

    /** Processing refused the content (corrupt, unsupported); the reason is shown to clients. */
    public MediaAsset failed(String reason) {
        requireProcessing();
        String shown = reason == null || reason.isBlank() ? "the content could not be processed" : reason.strip();
        return new MediaAsset(id, tenantId, uploader, spaceId, fileName, contentType, sizeBytes, null,
                MediaStatus.FAILED, metadata, false,
                shown.length() > MAX_FAILURE_REASON_LENGTH ? shown.substring(0, MAX_FAILURE_REASON_LENGTH) : shown,
                createdAt, uploadExpiresAt, uploadedAt);
    }

    /** Still processing although it was handed over at or before {@code cutoff}: its worker gave up or lost it. */
    public boolean processingStalled(Instant cutoff) {
        return status == MediaStatus.PROCESSING && !uploadedAt.isAfter(cutoff);
    }

    /** An upload never finalized before its URLs expired: the scheduler may discard it. */
    public boolean uploadExpired(Instant now) {
        return status == MediaStatus.PENDING_UPLOAD && !now.isBefore(uploadExpiresAt);
    }

    private void requireProcessing() {
        if (status != MediaStatus.PROCESSING) {
            throw new ConflictException("media " + id + " is " + status + ", not being processed");
        }
    }

    public MediaKind kind() {
        return MediaKind.of(contentType);
    }

    /**
     * Where storage keeps the finalized bytes: under the tenant, so keys never collide across tenants.
     * No client URL ever points here — finalize moves the checked upload in — so what was checked stays.
     */
    public String objectKey() {
        return objectKey(tenantId, id);
    }

    /** The object key of the asset {@code id} of {@code tenant}, known without loading the asset. */
    public static String objectKey(TenantId tenant, UUID id) {
        return tenant.value() + "/" + id + "/original";
    }

    /** Where the client's upload URLs put the bytes until finalize checks them and moves them to {@link #objectKey()}. */
    public String stagingKey() {
        return stagingKey(tenantId, id);
    }

    /** The staging key of the asset {@code id} of {@code tenant}, known before the asset exists. */
    public static String stagingKey(TenantId tenant, UUID id) {
        return tenant.value() + "/" + id + "/upload";
    }

    /** Where storage keeps the JPEG thumbnail (a poster frame for videos). */
    public String thumbnailKey() {
        return thumbnailKey(tenantId, id);
    }

    private static String thumbnailKey(TenantId tenant, UUID id) {
        return tenant.value() + "/" + id + "/thumbnail.jpg";
    }

    /** Every key an asset's bytes may occupy in storage, for deleting all of them once its record is gone. */
    public static List<String> storedKeys(TenantId tenant, UUID id) {
        return List.of(stagingKey(tenant, id), objectKey(tenant, id), thumbnailKey(tenant, id));
    }

    public UUID id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public AccountId uploader() {
        return uploader;
    }

    public Optional<UUID> spaceId() {
        return Optional.ofNullable(spaceId);
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** Declared while pending, as stored once uploaded. */
    public long sizeBytes() {
        return sizeBytes;
    }

    public Optional<String> multipartUploadId() {
        return Optional.ofNullable(multipartUploadId);
    }

    public MediaStatus status() {
        return status;
    }

    public MediaMetadata metadata() {
        return metadata;
    }

    public boolean hasThumbnail() {
        return hasThumbnail;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant uploadExpiresAt() {
        return uploadExpiresAt;
    }

    /** When finalize handed the bytes to processing; empty while the upload is pending. */
    public Optional<Instant> uploadedAt() {
        return Optional.ofNullable(uploadedAt);
    }
}
