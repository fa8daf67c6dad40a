package dev.coachkit.application.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Upload limits and URL lifetimes.
 *
 * @param maxFileBytes        largest file one upload may declare (larger: 413)
 * @param tenantQuotaBytes    bytes all of a tenant's media may hold, pending uploads included (over: 422)
 * @param pendingBytesPerMember declared bytes of one member's unfinished (PENDING_UPLOAD) uploads (over: 422),
 *                            so that one member cannot hold the whole quota with uploads never sent
 * @param partSize            size of every multipart part but the last; files up to it go in one PUT
 * @param uploadUrlValidity   how long upload URLs work; an upload not finalized by then is discarded
 * @param playbackUrlValidity how long playback and thumbnail URLs work
 * @param processingTimeout   how long an asset may stay PROCESSING before the scheduler marks it FAILED
 */
public record MediaSettings(long maxFileBytes, long tenantQuotaBytes, long pendingBytesPerMember, long partSize,
        Duration uploadUrlValidity, Duration playbackUrlValidity, Duration processingTimeout) {

    /** S3's smallest part size for every part but the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's largest number of parts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;

    public MediaSettings {
        Objects.requireNonNull(uploadUrlValidity, "uploadUrlValidity");
        Objects.requireNonNull(playbackUrlValidity, "playbackUrlValidity");
        Objects.requireNonNull(processingTimeout, "processingTimeout");
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("the part size must be at least 5 MiB");
        }
        if (maxFileBytes <= 0 || tenantQuotaBytes <= 0 || pendingBytesPerMember <= 0) {
            throw new IllegalArgumentException("the file limit, the quota and the pending bytes per member must be positive");
        }
        if ((maxFileBytes + partSize - 1) / partSize > MAX_PARTS) {
            throw new IllegalArgumentException("the largest file would need more than " + MAX_PARTS + " parts");
        }
        if (uploadUrlValidity.isNegative() || uploadUrlValidity.isZero()
                || playbackUrlValidity.isNegative() || playbackUrlValidity.isZero()) {
            throw new IllegalArgumentException("URL lifetimes must be positive");
        }
        if (processingTimeout.isNegative() || processingTimeout.isZero()) {
            throw new IllegalArgumentException("the processing timeout must be positive");
        }
    }

    /**
     * 2 GiB per file, 10 GiB per tenant, 4 GiB pending per member, 8 MiB parts, uploads valid 1 hour,
     * playback 5 minutes, processing 30.
     */
    public static MediaSettings defaults() {
        return new MediaSettings(2L << 30, 10L << 30, 4L << 30, 8L << 20, Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30));
    }

    /** How many parts a file of {@code sizeBytes} is uploaded in. */
    public int partCount(long sizeBytes) {
        return (int) Math.max(1, (sizeBytes + partSize - 1) / partSize);
    }
}
