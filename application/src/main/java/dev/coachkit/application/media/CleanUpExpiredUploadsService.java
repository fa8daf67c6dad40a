package dev.coachkit.application.media;

import dev.coachkit.application.media.port.in.CleanUpExpiredUploadsUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.media.port.out.MediaRepository;
import dev.coachkit.application.media.port.out.MediaRepository.CancelledUpload;
import dev.coachkit.application.media.port.out.MediaRepository.ExpiredUpload;
import dev.coachkit.application.media.port.out.MediaRepository.LeftoverStaging;
import dev.coachkit.application.media.port.out.MediaRepository.StalledProcessing;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.UnitOfWork;
import dev.coachkit.domain.media.MediaAsset;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes each expired pending upload in its tenant's unit of work (freeing its quota), then
 * aborts its multipart upload or deletes whatever a single PUT staged. Marks assets PROCESSING for
 * longer than the processing timeout FAILED, each in its tenant's unit of work, and empties the
 * staging keys of finalized assets and of cancelled single-PUT uploads once their upload URLs expired.
 */
public final class CleanUpExpiredUploadsService implements CleanUpExpiredUploadsUseCase {

    /** Uploads discarded (and assets failed) per run; the next run takes the rest. */
    static final int BATCH = 200;
    /** How far storage's clock may run behind ours; S3 refuses signed requests more than 15 minutes off. */
    static final Duration STORAGE_CLOCK_SKEW = Duration.ofMinutes(15);

    private final UnitOfWork unitOfWork;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final ProcessingOutcomes outcomes;
    private final Clock clock;
    private final MediaSettings settings;

    CleanUpExpiredUploadsService(UnitOfWork unitOfWork, MediaRepository media, BlobStore blobs,
            ProcessingOutcomes outcomes, Clock clock, MediaSettings settings) {
        this.unitOfWork = unitOfWork;
        this.media = media;
        this.blobs = blobs;
        this.outcomes = outcomes;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Sweep cleanUpExpiredUploads() {
        Instant now = clock.now();
        return new Sweep(discardExpiredUploads(now), failStalledProcessing(now), clearLeftoverStaging(now));
    }

    /**
     * Upload URLs stay valid after finalize, and a single-PUT URL after its upload was cancelled, until they
     * expire: bytes PUT to the staging key meanwhile are never played nor counted against the quota, so
     * they are deleted once no URL can add more.
     */
    private int clearLeftoverStaging(Instant now) {
        // storage checks a URL's expiry by its own clock: wait out the clock skew S3 tolerates
        Instant cutoff = now.minus(STORAGE_CLOCK_SKEW);
        int cleared = 0;
        for (LeftoverStaging leftover : unitOfWork.withoutTenant(() -> media.leftoverStaging(cutoff, BATCH))) {
            blobs.delete(MediaAsset.stagingKey(leftover.tenantId(), leftover.mediaId()));
            unitOfWork.runInTenant(leftover.tenantId(), () -> media.stagingCleared(leftover.tenantId(),
                    leftover.mediaId()));
            cleared++;
        }
        // deleted pending single-PUT uploads: their URL worked on after the record was gone
        for (CancelledUpload cancelled : unitOfWork.withoutTenant(() -> media.cancelledUploads(cutoff, BATCH))) {
            blobs.delete(MediaAsset.stagingKey(cancelled.tenantId(), cancelled.mediaId()));
            unitOfWork.runInTenant(cancelled.tenantId(), () -> media.cancelledUploadCleared(cancelled.tenantId(),
                    cancelled.mediaId()));
            cleared++;
        }
        return cleared;
    }

    private int failStalledProcessing(Instant now) {
        Instant cutoff = now.minus(settings.processingTimeout());
        String reason = "processing did not finish within " + settings.processingTimeout().toMinutes()
                + " minutes; upload the file again";
        int failed = 0;
        for (StalledProcessing stalled : unitOfWork.withoutTenant(() -> media.stalledProcessing(cutoff, BATCH))) {
            boolean marked = unitOfWork.inTenant(stalled.tenantId(), () ->
                    media.find(stalled.tenantId(), stalled.mediaId()).filter(asset -> asset.processingStalled(cutoff))
                            .map(asset -> outcomes.store(asset.failed(reason))).orElse(false));
            failed += marked ? 1 : 0;
        }
        return failed;
    }

    private int discardExpiredUploads(Instant now) {
        int discarded = 0;
        for (ExpiredUpload expired : unitOfWork.withoutTenant(() -> media.expiredUploads(now, BATCH))) {
            Optional<MediaAsset> removed = unitOfWork.inTenant(expired.tenantId(), () ->
                    media.find(expired.tenantId(), expired.mediaId()).filter(asset -> asset.uploadExpired(now))
                            .map(asset -> {
                                media.delete(asset.tenantId(), asset.id());
                                // storage may see the URL live a little longer: clear the staging key again later
                                MediaBytes.rememberUnrevokedStaging(media, asset);
                                return asset;
                            }));
            if (removed.isPresent()) {
                // the original key too: a finalize that moved the bytes but failed before recording the upload
                // leaves them there
                MediaBytes.deleteAll(blobs, removed.get());
                discarded++;
            }
        }
        return discarded;
    }
}
