package dev.coachkit.bootstrap;

import dev.coachkit.adapters.storage.local.LocalBlobStore;
import dev.coachkit.adapters.storage.local.LocalBlobStoreReadinessProbe;
import dev.coachkit.adapters.storage.s3.S3BlobStore;
import dev.coachkit.adapters.storage.s3.S3ReadinessProbe;
import dev.coachkit.adapters.storage.s3.S3Settings;
import dev.coachkit.application.media.MediaSettings;
import dev.coachkit.application.media.port.in.SignedBlobTransferUseCase;
import dev.coachkit.application.media.port.out.BlobStore;
import dev.coachkit.application.shared.port.out.Clock;
import dev.coachkit.application.shared.port.out.ReadinessProbe;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The blob store chosen by configuration: the local filesystem under the data directory (its signed
 * URLs served by this server) or an S3 bucket; with the media limits and the store's readiness check.
 */
final class MediaStorage implements AutoCloseable {

    static final String BLOBS_DIRECTORY = "blobs";

    private final BlobStore store;
    private final Optional<SignedBlobTransferUseCase> signedTransfer;
    private final Optional<ReadinessProbe> probe;
    private final Optional<S3BlobStore> s3;

    private MediaStorage(BlobStore store, Optional<SignedBlobTransferUseCase> signedTransfer,
            Optional<ReadinessProbe> probe, Optional<S3BlobStore> s3) {
        this.store = store;
        this.signedTransfer = signedTransfer;
        this.probe = probe;
        this.s3 = s3;
    }

    static MediaStorage open(Configuration configuration, Clock clock) {
        Configuration.Media media = configuration.media();
        if (media.blobStore().equals("s3")) {
            S3BlobStore bucket = S3BlobStore.connect(new S3Settings(media.s3Bucket(), media.s3Region(),
                    media.s3Endpoint().map(URI::create), media.s3AccessKey(), media.s3SecretKey()), clock);
            return new MediaStorage(bucket, Optional.empty(), Optional.of(new S3ReadinessProbe(bucket, media.s3Bucket())),
                    Optional.of(bucket));
        }
        Path root = configuration.dataDir().resolve(BLOBS_DIRECTORY);
        // one PUT carries a whole small file or one part of a large one: never more than a part
        LocalBlobStore local = new LocalBlobStore(root, BlobSigningKey.load(configuration),
                configuration.events().publicUrl(), media.partSizeBytes(), clock);
        return new MediaStorage(local, Optional.of(local), Optional.of(new LocalBlobStoreReadinessProbe(root)),
                Optional.empty());
    }

    static MediaSettings settings(Configuration configuration) {
        Configuration.Media media = configuration.media();
        return new MediaSettings(media.maxFileBytes(), media.tenantQuotaBytes(), media.pendingBytesPerMember(),
                media.partSizeBytes(), Duration.ofMinutes(media.uploadUrlMinutes()),
                Duration.ofSeconds(media.playbackUrlSeconds()), Duration.ofMinutes(media.processingTimeoutMinutes()));
    }

    BlobStore store() {
        return store;
    }

    /** The local store's URL checks, for the {@code /blobs/...} routes; empty with S3, whose URLs point at S3. */
    Optional<SignedBlobTransferUseCase> signedTransfer() {
        return signedTransfer;
    }

    Optional<ReadinessProbe> readinessProbe() {
        return probe;
    }

    @Override
    public void close() {
        s3.ifPresent(S3BlobStore::close);
    }
}
