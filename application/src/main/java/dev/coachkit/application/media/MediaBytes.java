package dev.coachkit.application.media;

import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.domain.media.MediaStatus;
import dev.coachkit.domain.media.MediaAsset;
import dev.coachkit.domain.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Deletes everything storage may hold of a media whose record is gone; deleting what is already gone does nothing. */
public final class MediaBytes {

    private MediaBytes() {
    }

    /** Aborts the asset's multipart upload, if any, then deletes its staging key, original and thumbnail. */
    public static void deleteAll(BlobStore blobs, MediaAsset asset) {
        deleteAll(blobs, asset.tenantId(), asset.id(), asset.multipartUploadId());
    }

    /**
     * In this order: bytes that a racing finalize completes or moves to the original key before one step are
     * deleted by a later one.
     */
    public static void deleteAll(BlobStore blobs, TenantId tenant, UUID media, Optional<String> multipartUploadId) {
        multipartUploadId.ifPresent(upload -> blobs.abortMultipartUpload(MediaAsset.stagingKey(tenant, media), upload));
        MediaAsset.storedKeys(tenant, media).forEach(blobs::delete);
    }

    /**
     * Storage cannot revoke a single-PUT upload URL: when the record of a pending upload that has one is
     * deleted, remembers its staging key (in the same unit of work) so the scheduler deletes what is PUT
     * there once the URL expired. A multipart upload is aborted instead, which stops its part URLs.
     */
    static void rememberUnrevokedStaging(MediaRepository media, MediaAsset deleted) {
        if (deleted.status() == MediaStatus.PENDING_UPLOAD && deleted.multipartUploadId().isEmpty()) {
            media.uploadCancelled(deleted.tenantId(), deleted.id(), deleted.uploadExpiresAt());
        }
    }
}
