package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.CleanUpExpiredUploadsUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.MediaRepository.ExpiredUpload;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes each expired pending upload in its tenant's unit of work (freeing its quota), then
 * aborts its multipart upload or deletes whatever a single PUT staged.
 */
public final class CleanUpExpiredUploadsService implements CleanUpExpiredUploadsUseCase {

    /** Uploads discarded per run; the next run takes the rest. */
    static final int BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final Clock clock;

    CleanUpExpiredUploadsService(UnitOfWork unitOfWork, MediaRepository media, BlobStore blobs, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    public int cleanUpExpiredUploads() {
        Instant now = clock.now();
        int discarded = 0;
        for (ExpiredUpload expired : unitOfWork.withoutTenant(() -> media.expiredUploads(now, BATCH))) {
            Optional<MediaAsset> removed = unitOfWork.inTenant(expired.tenantId(), () ->
                    media.find(expired.tenantId(), expired.mediaId()).filter(asset -> asset.uploadExpired(now))
                            .map(asset -> {
                                media.delete(asset.tenantId(), asset.id());
                                return asset;
                            }));
            if (removed.isPresent()) {
                MediaAsset asset = removed.get();
                asset.multipartUploadId().ifPresent(upload -> blobs.abortMultipartUpload(asset.stagingKey(), upload));
                blobs.delete(asset.stagingKey());
                // a finalize that moved the bytes but failed before recording the upload leaves them here
                blobs.delete(asset.objectKey());
                discarded++;
            }
        }
        return discarded;
    }
}
